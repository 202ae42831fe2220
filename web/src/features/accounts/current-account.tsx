import { createContext, useContext, type ReactNode } from 'react';
import type { User, UserAccount } from '../../lib/api-types';

export type CurrentAccount = { user: User; account: UserAccount };

const CurrentAccountContext = createContext<CurrentAccount | null>(null);

export function CurrentAccountProvider({ value, children }: { value: CurrentAccount; children: ReactNode }) {
  return <CurrentAccountContext.Provider value={value}>{children}</CurrentAccountContext.Provider>;
}

/** The signed-in user and the account named in the URL; only available inside the dashboard shell. */
export function useCurrentAccount(): CurrentAccount {
  const current = useContext(CurrentAccountContext);
  if (!current) throw new Error('useCurrentAccount must be used inside the dashboard shell');
  return current;
}
