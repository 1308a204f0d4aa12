import { createContext, useContext } from 'react';
import type { Profile, Role } from '../api/types';

export interface AdminSession {
  me: Profile;
  logout: () => void;
}

export const SessionContext = createContext<AdminSession | null>(null);

/** The signed-in staff member of the console. */
export function useSession(): AdminSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the console');
  return session;
}

/** Whether the signed-in user holds one of the roles. */
export function useCan(): (...roles: Role[]) => boolean {
  const { me } = useSession();
  return (...roles) => roles.some((role) => me.roles.includes(role));
}
