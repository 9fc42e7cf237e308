// Quiet, fast settings for every integration spec; the database URL comes from global-setup.
process.env.LOG_LEVEL = 'silent';
process.env.LOGIN_SLOWDOWN_MS = '20';
