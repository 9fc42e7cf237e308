/** The group role the migrations grant the application's rights to; row-level security holds it. */
export const APPLICATION_ROLE = 'mentor_application';
