import { OrganisationKind, Role } from '@mentor/domain';

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
}

export interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  users: DemoUser[];
}

/** Fictional people in Københavns Kommune (municipality code 101). */
export const DEMO_MUNICIPALITY = { code: 101, name: 'Københavns Kommune' };

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Center for Jobindsats',
    kind: OrganisationKind.InternalCentre,
    users: [
      { username: 'admin', name: 'Anne Admin', role: Role.Admin },
      { username: 'teamleder.cji', name: 'Lone Holm Andersen', role: Role.TeamLeader },
      { username: 'sagsbehandler.cji', name: 'Peter Falk Nielsen', role: Role.Caseworker },
      { username: 'sagsbehandler2.cji', name: 'Mette Bach Larsen', role: Role.Caseworker },
      { username: 'mentor.cji1', name: 'Jonas Krogh Petersen', role: Role.Mentor },
      { username: 'mentor.cji2', name: 'Fatima El-Amin', role: Role.Mentor },
    ],
  },
  {
    name: 'Center for Afklaring og Beskæftigelse',
    kind: OrganisationKind.InternalCentre,
    users: [
      { username: 'teamleder.cab', name: 'Henrik Lund Sørensen', role: Role.TeamLeader },
      { username: 'sagsbehandler.cab', name: 'Sofie Dahl Kristensen', role: Role.Caseworker },
      { username: 'mentor.cab1', name: 'Ali Hassan Jensen', role: Role.Mentor },
      { username: 'mentor.cab2', name: 'Camilla Vestergaard', role: Role.Mentor },
    ],
  },
  {
    name: 'Mentorhuset ApS',
    kind: OrganisationKind.ExternalProvider,
    users: [
      { username: 'teamleder.mentorhuset', name: 'Birgitte Friis Møller', role: Role.TeamLeader },
      { username: 'sagsbehandler.mentorhuset', name: 'Rasmus Kjær Olsen', role: Role.Caseworker },
      { username: 'mentor.mentorhuset1', name: 'Thomas Brandt Poulsen', role: Role.Mentor },
      { username: 'mentor.mentorhuset2', name: 'Nadia Rasmussen', role: Role.Mentor },
    ],
  },
  {
    name: 'Vejen Videre A/S',
    kind: OrganisationKind.ExternalProvider,
    users: [
      { username: 'teamleder.vejenvidere', name: 'Karsten Bjerg Hansen', role: Role.TeamLeader },
      { username: 'sagsbehandler.vejenvidere', name: 'Louise Winther', role: Role.Caseworker },
      { username: 'mentor.vejenvidere1', name: 'Emil Skov Christensen', role: Role.Mentor },
      { username: 'mentor.vejenvidere2', name: 'Zeynep Yilmaz', role: Role.Mentor },
    ],
  },
];

/** Demo usernames grouped by role, for the console and the README. */
export function demoLoginsByRole(): Record<Role, string[]> {
  const byRole = {
    [Role.Admin]: [],
    [Role.TeamLeader]: [],
    [Role.Caseworker]: [],
    [Role.Mentor]: [],
  } as Record<Role, string[]>;
  for (const org of DEMO_ORGANISATIONS) for (const user of org.users) byRole[user.role].push(user.username);
  return byRole;
}
