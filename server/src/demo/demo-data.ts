/** The demo account's story: a pt-BR online shop's support team on a busy day. */

type Line = { from: 'customer' | 'agent' | 'note'; text: string };
type Story = {
  inbox: 'whatsapp' | 'app';
  contact: { name: string; email?: string; phone_number?: string; additional_attributes?: Record<string, string> };
  messages: Line[];
  assignee?: 'admin' | 'carla' | 'rafael' | 'juliana';
  team?: 'financeiro' | 'logistica';
  labels: string[];
  priority?: 'low' | 'medium' | 'high' | 'urgent';
  status: 'open' | 'pending' | 'resolved' | 'snoozed';
};

const c = (text: string): Line => ({ from: 'customer', text });
const a = (text: string): Line => ({ from: 'agent', text });
const n = (text: string): Line => ({ from: 'note', text });

export const DEMO = {
  inboxes: [
    { key: 'site', name: 'Chat do Site', channel: { type: 'web_widget', website_url: 'https://lojaaurora.example.com.br', widget_color: '#1f93ff' } },
    { key: 'whatsapp', name: 'WhatsApp Comercial', channel: { type: 'api' } },
    { key: 'app', name: 'App Loja Aurora', channel: { type: 'api' } },
  ],
  agents: [
    { key: 'carla', name: 'Carla Mendes', email: 'carla.mendes@lojaaurora.example.com.br', role: 'agent' },
    { key: 'rafael', name: 'Rafael Souza', email: 'rafael.souza@lojaaurora.example.com.br', role: 'agent' },
    { key: 'juliana', name: 'Juliana Prado', email: 'juliana.prado@lojaaurora.example.com.br', role: 'administrator' },
  ],
  teams: [
    { key: 'financeiro', name: 'Financeiro', description: 'Cobranças, estornos e notas fiscais', members: ['juliana', 'carla'] },
    { key: 'logistica', name: 'Logística', description: 'Entregas, trocas e devoluções', members: ['rafael'] },
  ],
  labels: [
    { title: 'problema-login', description: 'Cliente não consegue entrar na conta', color: '#d93b3b' },
    { title: 'financeiro', description: 'Pagamentos, boletos e estornos', color: '#1b8a50' },
    { title: 'entrega', description: 'Atrasos e rastreio', color: '#a86400' },
    { title: 'troca', description: 'Trocas e devoluções', color: '#7c3aed' },
    { title: 'vip', description: 'Clientes do programa Aurora+', color: '#1f93ff' },
  ],
  cannedResponses: [
    { short_code: 'ola', content: 'Olá! Aqui é da equipe Loja Aurora. Como posso ajudar você hoje?' },
    { short_code: 'rastreio', content: 'Você pode acompanhar seu pedido em https://lojaaurora.example.com.br/rastreio com o número do pedido.' },
    { short_code: 'prazo-troca', content: 'O prazo para trocas é de 30 dias a partir do recebimento, com a etiqueta do produto.' },
    { short_code: 'obrigado', content: 'Obrigado pelo contato! Qualquer dúvida, é só chamar por aqui. 😊' },
  ],
  conversations: [
    {
      inbox: 'whatsapp',
      contact: { name: 'Mariana Oliveira', email: 'mariana.oliveira@example.com.br', phone_number: '+5511987654321', additional_attributes: { city: 'São Paulo', country: 'Brasil' } },
      messages: [
        c('Oi! Fiz o pedido #48213 na segunda e ainda não chegou. O rastreio parou em "em trânsito" desde quarta.'),
        a('Oi, Mariana! Vou verificar com a transportadora agora mesmo.'),
        n('Transportadora informou extravio parcial no centro de Cajamar. @Rafael Souza, consegue abrir a reclamação?'),
        c('Obrigada! Preciso dele até sexta, é presente de aniversário 🎁'),
      ],
      assignee: 'carla',
      team: 'logistica',
      labels: ['entrega'],
      priority: 'high',
      status: 'open',
    },
    {
      inbox: 'app',
      contact: { name: 'João Pedro Almeida', email: 'joao.almeida@example.com.br', additional_attributes: { company_name: 'Almeida & Filhos', city: 'Curitiba', country: 'Brasil' } },
      messages: [
        c('Não consigo entrar no app, diz que minha senha está errada mas acabei de trocar.'),
        c('Já tentei três vezes e agora está bloqueado 😕'),
      ],
      labels: ['problema-login'],
      priority: 'urgent',
      status: 'open',
    },
    {
      inbox: 'whatsapp',
      contact: { name: 'Ana Beatriz Costa', phone_number: '+5521998877665', additional_attributes: { city: 'Rio de Janeiro', country: 'Brasil' } },
      messages: [
        c('Boa tarde, o boleto do pedido #48190 venceu ontem. Consigo gerar outro?'),
        a('Boa tarde, Ana! Gerei um novo boleto com vencimento para amanhã e enviei para o seu e-mail.'),
        c('Recebi, muito obrigada!'),
      ],
      assignee: 'juliana',
      team: 'financeiro',
      labels: ['financeiro'],
      status: 'resolved',
    },
    {
      inbox: 'app',
      contact: { name: 'Lucas Ferreira', email: 'lucas.ferreira@example.com.br', additional_attributes: { city: 'Belo Horizonte', country: 'Brasil' } },
      messages: [
        c('Quero trocar um tênis por um número maior. Como faço?'),
        a('Oi, Lucas! O prazo para trocas é de 30 dias a partir do recebimento, com a etiqueta do produto.'),
        c('Perfeito, ainda estou dentro do prazo. Vocês buscam em casa?'),
      ],
      assignee: 'rafael',
      team: 'logistica',
      labels: ['troca'],
      priority: 'medium',
      status: 'pending',
    },
    {
      inbox: 'whatsapp',
      contact: { name: 'Fernanda Lima', email: 'fernanda.lima@example.com.br', phone_number: '+5548991234567', additional_attributes: { company_name: 'Studio Lima', city: 'Florianópolis', country: 'Brasil' } },
      messages: [
        c('Olá! Sou cliente Aurora+ e fui cobrada duas vezes no cartão pelo mesmo pedido.'),
        n('Confirmei a duplicidade no gateway. Estorno precisa de aprovação do Financeiro.'),
      ],
      assignee: 'admin',
      team: 'financeiro',
      labels: ['financeiro', 'vip'],
      priority: 'high',
      status: 'open',
    },
    {
      inbox: 'app',
      contact: { name: 'Rodrigo Nascimento', email: 'rodrigo.n@example.com.br' },
      messages: [c('Vocês entregam em Manaus? Qual o prazo médio?')],
      labels: [],
      status: 'open',
    },
    {
      inbox: 'whatsapp',
      contact: { name: 'Patrícia Gomes', phone_number: '+5571988776655', additional_attributes: { city: 'Salvador', country: 'Brasil' } },
      messages: [
        c('Comprei um vestido e veio com defeito na costura 😞'),
        a('Sinto muito, Patrícia! Pode mandar uma foto do defeito? Já abro a troca para você.'),
        c('Mandei agora pelo e-mail, pode conferir?'),
      ],
      assignee: 'carla',
      labels: ['troca', 'vip'],
      priority: 'medium',
      status: 'open',
    },
    {
      inbox: 'app',
      contact: { name: 'Gabriel Rocha', email: 'gabriel.rocha@example.com.br', additional_attributes: { city: 'Porto Alegre', country: 'Brasil' } },
      messages: [
        c('Esqueci minha senha e o e-mail de redefinição não chega.'),
        a('Oi, Gabriel! Verifiquei aqui e o e-mail estava indo para a caixa de spam. Reenviei agora.'),
        c('Achei! Consegui entrar, valeu!'),
      ],
      assignee: 'rafael',
      labels: ['problema-login'],
      status: 'resolved',
    },
  ] satisfies Story[],
};
