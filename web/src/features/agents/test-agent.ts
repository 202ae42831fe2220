import type { Agent } from '../../lib/api-types';

/** An agent of account 7 for unit tests, online; e-mail from the first name (`ana@exemplo.com.br`). */
export const testAgent = (id: number, name: string, fields: Partial<Agent> = {}): Agent => ({
  id,
  account_id: 7,
  name,
  available_name: name,
  email: `${name.split(' ')[0]!.toLowerCase()}@exemplo.com.br`,
  role: 'agent',
  confirmed: true,
  availability_status: 'online',
  auto_offline: true,
  thumbnail: null,
  ...fields,
});
