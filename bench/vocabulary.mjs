// Text of the benchmark dataset: people's names, support sentences in Brazilian Portuguese and
// English, activity lines. Sentences are templates whose slots ({produto}, {pedido}...) are filled
// per message, with skewed choices (the first entries of a list are picked most often), so that
// search terms range from very common ("pedido", "order") to rare (one order number).

export const FIRST_NAMES_PT = [
  'Ana', 'Maria', 'João', 'José', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luíza', 'Juliana',
  'Márcia', 'Fernanda', 'Patrícia', 'Aline', 'Sebastião', 'Conceição', 'Letícia', 'Júlio', 'Vinícius', 'Gonçalo',
  'Beatriz', 'Mônica', 'Cláudia', 'Rafael', 'Thiago', 'Gabriel', 'Bruna', 'Camila', 'Vitória', 'Helena', 'Otávio',
  'Caio', 'Renata', 'Débora', 'Andréa', 'Fábio', 'Rogério', 'Sônia', 'Lúcia', 'Inês', 'Irene', 'Raimundo', 'Benedita',
];

export const LAST_NAMES_PT = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa',
  'Ribeiro', 'Martins', 'Carvalho', 'Araújo', 'Melo', 'Barbosa', 'Cardoso', 'Rocha', 'Dias', 'Nascimento', 'Gonçalves',
  'Conceição', 'Brandão', 'Magalhães', 'Simões', 'Falcão', 'Assunção', 'Müller', 'Leão', 'Romão', 'Guimarães',
  'Azevedo', 'Cavalcanti', 'Pinheiro', 'Monteiro', 'Mendonça', 'Sá', 'Antunes', 'Figueiredo',
];

export const FIRST_NAMES_EN = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Emily', 'Daniel',
  'Olivia', 'Matthew', 'Sophia', 'Andrew', 'Chloe', 'Ethan', 'Grace', 'Noah', 'Zoë', 'Renée', 'José', 'Chloé',
];

export const LAST_NAMES_EN = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young',
  'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', "O'Brien", 'Muñoz', 'Peña',
];

export const CITIES_PT = [
  'São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Brasília', 'Salvador', 'Fortaleza', 'Curitiba', 'Recife',
  'Porto Alegre', 'Manaus', 'Belém', 'Goiânia', 'Florianópolis', 'Vitória', 'São Luís', 'Maceió', 'Natal',
  'João Pessoa', 'Teresina', 'Cuiabá', 'Campo Grande', 'Aracaju', 'Ribeirão Preto', 'Uberlândia', 'Niterói',
];

export const CITIES_EN = [
  'New York', 'London', 'Toronto', 'Chicago', 'Austin', 'Seattle', 'Boston', 'Denver', 'Miami', 'Dublin',
  'Manchester', 'Vancouver', 'Sydney', 'Atlanta', 'Portland', 'Lisbon', 'Orlando', 'Phoenix',
];

/** Brazilian area codes (DDD) and North American area codes used for E.164 phone numbers. */
export const DDD = ['11', '21', '31', '41', '51', '61', '71', '81', '85', '91', '92', '27', '48', '62', '19', '47'];
export const AREA_CODES = ['212', '415', '312', '617', '206', '512', '305', '303', '404', '503', '702', '602'];

export const COMPANY_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'icloud.com', 'bol.com.br', 'terra.com.br'];

export const PRODUCTS_PT = [
  'fone de ouvido', 'celular', 'notebook', 'carregador', 'tênis', 'camiseta', 'geladeira', 'micro-ondas',
  'cafeteira', 'relógio', 'mochila', 'cadeira de escritório', 'monitor', 'teclado', 'impressora', 'ventilador',
  'liquidificador', 'aspirador de pó', 'smart TV', 'colchão', 'batedeira', 'fogão', 'máquina de lavar',
  'panela elétrica', 'purificador de água', 'câmera', 'tablet', 'caixa de som', 'óculos de sol', 'jaqueta',
];

export const PRODUCTS_EN = [
  'headphones', 'phone', 'laptop', 'charger', 'sneakers', 't-shirt', 'fridge', 'microwave', 'coffee maker',
  'watch', 'backpack', 'office chair', 'monitor', 'keyboard', 'printer', 'fan', 'blender', 'vacuum cleaner',
  'smart TV', 'mattress', 'stand mixer', 'stove', 'washing machine', 'rice cooker', 'water filter', 'camera',
  'tablet', 'speaker', 'sunglasses', 'jacket',
];

export const PAYMENTS_PT = ['Pix', 'cartão de crédito', 'boleto', 'cartão de débito', 'transferência', 'vale-presente'];
export const PAYMENTS_EN = ['credit card', 'PayPal', 'debit card', 'bank transfer', 'gift card', 'Apple Pay'];

export const PROBLEMS_PT = [
  'não chegou', 'chegou quebrado', 'veio com defeito', 'veio errado', 'está atrasado', 'não liga',
  'parou de funcionar', 'veio sem a nota fiscal', 'chegou incompleto', 'está com a embalagem danificada',
  'não carrega', 'faz um barulho estranho', 'veio na cor errada', 'não é compatível',
];

export const PROBLEMS_EN = [
  "hasn't arrived", 'arrived broken', 'is defective', 'is the wrong item', 'is late', "won't turn on",
  'stopped working', 'came without a receipt', 'is missing parts', 'has damaged packaging', "won't charge",
  'makes a weird noise', 'came in the wrong color', 'is not compatible',
];

/** Customer's first message. Slots: {produto} {pedido} {cidade} {pagamento} {problema} {dias}. */
export const PT_OPENING = [
  'Olá, boa tarde! Meu pedido {pedido} {problema}. Podem me ajudar?',
  'Oi, comprei um {produto} e ele {problema}. O que eu faço?',
  'Bom dia. Fiz o pagamento por {pagamento} há {dias} dias e o pedido {pedido} ainda aparece como pendente.',
  'Olá! Gostaria de saber o prazo de entrega para {cidade}.',
  'Boa noite, o {produto} do pedido {pedido} {problema}. Quero trocar.',
  'Preciso cancelar o pedido {pedido}, como faço?',
  'Oi, não estou conseguindo acessar minha conta, a senha não funciona.',
  'Olá, vocês entregam em {cidade}? Quanto fica o frete?',
  'Bom dia! Quero a segunda via do boleto do pedido {pedido}.',
  'Meu {produto} {problema}, ainda está na garantia?',
  'Oi, fui cobrado duas vezes no {pagamento}. Podem verificar?',
  'Olá, como faço para devolver um {produto}? Não serviu.',
  'Boa tarde, o rastreamento do pedido {pedido} não atualiza há {dias} dias.',
  'Vocês têm {produto} em estoque? Queria comprar hoje.',
  'Olá, preciso da nota fiscal do pedido {pedido} para reembolso da empresa.',
  'Oi! O cupom de desconto não está funcionando no carrinho.',
  'Bom dia, quero alterar o endereço de entrega do pedido {pedido} para {cidade}.',
  'Olá, o estorno do pedido {pedido} ainda não caiu no meu {pagamento}.',
  'Oi, tudo bem? Tenho uma dúvida sobre a instalação do {produto}.',
  'Atenção: recebi o {produto} de outra pessoa, não é o meu pedido.',
];

export const PT_FOLLOWUP = [
  'O número do pedido é {pedido}.',
  'Já tentei reiniciar e não adiantou.',
  'Comprei pelo site, paguei com {pagamento}.',
  'Moro em {cidade}, o CEP está no cadastro.',
  'Ainda não recebi nenhum e-mail de confirmação.',
  'Vou mandar uma foto do {produto} para vocês verem.',
  'Quanto tempo demora o reembolso?',
  'Preciso disso com urgência, é um presente.',
  'Certo, e qual é o próximo passo?',
  'Não entendi, podem explicar de novo?',
  'Já faz {dias} dias que estou esperando uma solução.',
  'A transportadora disse que o pedido foi devolvido.',
  'Pode ser troca por outro {produto}?',
  'Ok, aguardo o retorno.',
  'Mandei o comprovante do {pagamento} por e-mail.',
];

export const PT_THANKS = [
  'Muito obrigado pela ajuda!',
  'Perfeito, obrigada! Resolvido.',
  'Deu certo, valeu!',
  'Obrigado pelo atendimento, foi rápido.',
  'Recebi, obrigado!',
  'Ótimo, muito obrigada pela atenção.',
];

export const PT_AGENT_FIRST = [
  'Olá, {cliente}! Sou {agente} e vou te ajudar. Pode me informar o número do pedido?',
  'Oi, {cliente}, tudo bem? Já estou verificando o pedido {pedido}.',
  'Boa tarde, {cliente}! Obrigado por entrar em contato. Vou analisar e já retorno.',
  'Olá! Lamento pelo transtorno com o {produto}. Vou verificar o que aconteceu.',
  'Oi, {cliente}! Recebemos sua mensagem, um momento por favor.',
  'Bom dia, {cliente}. Para agilizar, pode confirmar o CPF ou e-mail do cadastro?',
];

export const PT_AGENT_MID = [
  'Verifiquei aqui: o pedido {pedido} saiu para entrega e deve chegar em até {dias} dias úteis.',
  'Abri uma solicitação de troca do {produto}. Você vai receber as instruções por e-mail.',
  'O estorno foi solicitado e aparece no {pagamento} em até {dias} dias úteis.',
  'A segunda via do boleto foi enviada para o seu e-mail.',
  'Encaminhei o caso para a equipe de logística, eles retornam em até 48 horas.',
  'O prazo de entrega para {cidade} é de {dias} dias úteis após a confirmação do pagamento.',
  'Pode tentar limpar o cache do navegador e acessar de novo?',
  'O cupom é válido apenas para compras acima de R$ 150,00.',
  'A garantia do {produto} é de 12 meses, vou abrir o chamado na assistência técnica.',
  'Atualizei o endereço de entrega do pedido {pedido} para {cidade}.',
  'A nota fiscal do pedido {pedido} foi reenviada.',
  'Identifiquei a cobrança duplicada no {pagamento}, o valor será devolvido.',
  'Vou precisar de uma foto da etiqueta da embalagem, por favor.',
  'Enviamos um código de postagem para a devolução, válido por {dias} dias.',
  'Sua senha foi redefinida, confira o link no seu e-mail.',
  'Temos o {produto} em estoque sim, pode finalizar a compra pelo site.',
  'Peço desculpas pela demora, estamos com um volume alto de atendimentos.',
  'Confirmo o cancelamento do pedido {pedido}, o reembolso já foi solicitado.',
];

export const PT_AGENT_CLOSING = [
  'Posso ajudar em algo mais?',
  'Qualquer dúvida, estamos à disposição. Tenha um ótimo dia!',
  'Vou encerrar o atendimento, mas se precisar é só chamar.',
  'Obrigado pela paciência, {cliente}!',
  'Fico feliz em ajudar. Até mais!',
];

export const PT_NOTES = [
  '@{colega} pode verificar o estorno deste cliente?',
  'Cliente já ligou três vezes sobre o pedido {pedido}, prioridade.',
  'Transportadora confirmou extravio, abrir reenvio.',
  'Pedido {pedido} com suspeita de fraude, não liberar troca ainda.',
  '@{colega} você tem acesso ao painel do {pagamento}?',
  'Enviar cupom de desculpas de 10% se o cliente reclamar de novo.',
  'Cliente VIP, tratar com atenção.',
  'Aguardando retorno do fornecedor sobre o {produto}.',
  'Nota fiscal emitida com CNPJ errado, pedir correção ao financeiro.',
  'Já expliquei a política de devolução, cliente insatisfeito.',
];

export const PT_EXTRA = [
  'Obrigado!',
  'Por favor, me respondam hoje.',
  'Estou aguardando.',
  'Desde já agradeço.',
  'É a segunda vez que isso acontece.',
  'Atenciosamente.',
  'Fico no aguardo.',
  'Não recebi a confirmação.',
];

export const EN_OPENING = [
  'Hi there! My order {pedido} {problema}. Can you help?',
  'Hello, I bought a {produto} and it {problema}. What should I do?',
  'Good morning. I paid with {pagamento} {dias} days ago and order {pedido} still shows as pending.',
  "Hi! What's the delivery time to {cidade}?",
  'Hello, the {produto} from order {pedido} {problema}. I want an exchange.',
  'I need to cancel order {pedido}, how do I do that?',
  "Hi, I can't log into my account, my password doesn't work.",
  'Do you ship to {cidade}? How much is shipping?',
  'Hi, I need a copy of the invoice for order {pedido}.',
  'My {produto} {problema}, is it still under warranty?',
  'I was charged twice on my {pagamento}. Can you check?',
  "How do I return a {produto}? It didn't fit.",
  "The tracking for order {pedido} hasn't updated in {dias} days.",
  'Do you have the {produto} in stock? I want to buy it today.',
  'Hello, the discount code is not working at checkout.',
  'Please change the shipping address of order {pedido} to {cidade}.',
  "My refund for order {pedido} hasn't shown up on my {pagamento} yet.",
  'Hi, I have a question about setting up the {produto}.',
];

export const EN_FOLLOWUP = [
  'The order number is {pedido}.',
  "I already tried restarting it and it didn't help.",
  'I bought it on the website and paid with {pagamento}.',
  "I live in {cidade}, the zip code is on my account.",
  "I haven't received any confirmation email yet.",
  "I'll send you a photo of the {produto}.",
  'How long does the refund take?',
  "I need this urgently, it's a gift.",
  "OK, what's the next step?",
  "I didn't understand, could you explain again?",
  "I've been waiting {dias} days for a solution.",
  'The carrier says the package was returned.',
  'Can I exchange it for another {produto}?',
  'OK, waiting for your reply.',
];

export const EN_THANKS = ['Thank you so much!', 'Perfect, thanks! All sorted.', 'It worked, thanks!', 'Thanks for the quick help.', 'Got it, thank you!'];

export const EN_AGENT_FIRST = [
  "Hi {cliente}! I'm {agente} and I'll help you. Could you share your order number?",
  "Hello {cliente}, I'm checking order {pedido} right now.",
  "Hi {cliente}, thanks for reaching out. Let me look into it.",
  "Hello! Sorry for the trouble with the {produto}. I'll find out what happened.",
  'Hi {cliente}! We got your message, one moment please.',
];

export const EN_AGENT_MID = [
  'I checked: order {pedido} is out for delivery and should arrive within {dias} business days.',
  "I've opened an exchange request for the {produto}. You'll get instructions by email.",
  'The refund has been issued and will show on your {pagamento} within {dias} business days.',
  "I've escalated this to our logistics team, they'll get back within 48 hours.",
  'Delivery to {cidade} takes {dias} business days after payment is confirmed.',
  'Could you clear your browser cache and try again?',
  'The discount code only applies to orders over $50.',
  "The {produto} has a 12-month warranty, I'm opening a repair ticket.",
  "I've updated the shipping address of order {pedido} to {cidade}.",
  'I found the double charge on your {pagamento}, it will be refunded.',
  'Could you send a photo of the shipping label, please?',
  'We sent you a prepaid return label, valid for {dias} days.',
  'Your password has been reset, check the link in your email.',
  'Sorry for the delay, we are handling a high volume of requests.',
  'Order {pedido} is cancelled and the refund has been requested.',
];

export const EN_AGENT_CLOSING = ['Is there anything else I can help with?', 'Have a great day!', "I'll close this chat, but feel free to write again.", 'Thanks for your patience, {cliente}!'];

export const EN_EXTRA = ['Thanks!', 'Please reply today.', 'Waiting for your answer.', 'This is the second time this happens.', 'Regards.'];

/** Activity lines, in the account's language (pt-BR). Slots: {agente} {rotulo} {equipe} {prioridade}. */
export const PT_ACTIVITY = [
  'Conversa atribuída a {agente}',
  '{agente} adicionou {rotulo}',
  'Prioridade alterada para {prioridade} por {agente}',
  'Atribuída à equipe {equipe} por {agente}',
  'Conversa reaberta por {agente}',
  'Conversa adiada por {agente}',
];
export const PT_RESOLVED_ACTIVITY = 'Conversa marcada como resolvida por {agente}';
export const PT_PRIORITIES = ['baixa', 'média', 'alta', 'urgente'];

export const LABELS = [
  'duvida', 'pedido', 'entrega', 'troca', 'devolucao', 'pagamento', 'reembolso', 'cancelamento', 'boleto', 'pix',
  'cartao', 'atraso', 'reclamacao', 'elogio', 'sugestao', 'garantia', 'nota-fiscal', 'cadastro', 'senha', 'cupom',
  'estoque', 'vip', 'urgente', 'b2b', 'lead', 'orcamento', 'integracao', 'bug', 'whatsapp', 'churn-risk',
];

export const LABEL_COLORS = ['#1f93ff', '#ff6b6b', '#2ecc71', '#f39c12', '#9b59b6', '#16a085', '#e67e22', '#34495e'];

export const TEAMS = ['Suporte N1', 'Suporte N2', 'Vendas', 'Financeiro', 'Logística', 'Retenção', 'Onboarding', 'Atendimento VIP'];

export const INBOX_NAMES_WEB = ['Site — Loja Virtual', 'Site — Central de Ajuda', 'Site — Blog', 'Site — App', 'Site — Marketplace', 'Site — B2B'];
export const INBOX_NAMES_API = ['WhatsApp (API) — Vendas', 'WhatsApp (API) — Suporte', 'App móvel (API)', 'Integração ERP (API)', 'Chatbot (API)', 'Instagram (ponte API)'];
