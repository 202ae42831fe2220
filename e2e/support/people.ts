// The people of the journeys (names and addresses in the spirit of the user guide).

/** Creates the installation in the onboarding journey; administrator and installation owner. */
export const OWNER = {
  accountName: 'Tecnologia Corporativa',
  name: 'Rogério Moura',
  email: 'rogerio@tecnologiacorporativa.com.br',
  password: 'Foguete#2025',
};

/** Invited by the owner in the invite-agent journey. */
export const AGENT = {
  name: 'Ana Souza',
  email: 'ana.souza@tecnologiacorporativa.com.br',
  password: 'Atendimento#7',
};

/** An agent who forgets her password in the password-reset journey. */
export const FORGETFUL_AGENT = {
  name: 'Beatriz Lima',
  email: 'beatriz.lima@tecnologiacorporativa.com.br',
  password: 'Primeira#Senha1',
  newPassword: 'Nova#Senha2026',
};

/** Works the same conversation as the owner in the conversation-workspace journey. */
export const COLLEAGUE = {
  name: 'Carlos Nunes',
  email: 'carlos.nunes@tecnologiacorporativa.com.br',
  password: 'Colega#Suporte9',
};
