/** The conversation API's shapes, as the server sends them (Chatwoot's field names, Unix seconds). */

export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';
export type ConversationPriority = 'low' | 'medium' | 'high' | 'urgent';
export type AssigneeTab = 'me' | 'unassigned' | 'all';
export type StatusFilter = ConversationStatus | 'all';
export type SortKey =
  | 'last_activity_at_desc'
  | 'last_activity_at_asc'
  | 'created_at_desc'
  | 'created_at_asc'
  | 'priority_desc'
  | 'priority_asc'
  | 'waiting_since_desc'
  | 'waiting_since_asc';

export type ContactSummary = {
  id: number;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  thumbnail: string | null;
  avatar_url?: string | null;
  identifier?: string | null;
  additional_attributes?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
};

export type AgentCard = {
  id: number;
  name: string;
  available_name?: string;
  email?: string;
  thumbnail?: string | null;
  availability_status?: string;
};

export type TeamCard = { id: number; name: string };

export type Attachment = {
  id: number;
  message_id: number;
  file_type: 'image' | 'audio' | 'video' | 'file' | string;
  extension: string | null;
  data_url: string;
  thumb_url: string | null;
  file_size: number | null;
  file_name?: string | null;
};

export type Reaction = { emoji: string; sender_type: string; sender_id: number; created_at: number };

export type MessageType = 0 | 1 | 2 | 3;

export type Message = {
  id: number;
  content: string | null;
  account_id: number;
  inbox_id: number;
  conversation_id: number;
  message_type: MessageType;
  content_type: string;
  content_attributes: { deleted?: boolean; in_reply_to?: number; external_error?: string } & Record<string, unknown>;
  private: boolean;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  sender_type: 'User' | 'Contact' | 'AgentBot' | null;
  sender_id: number | null;
  sender: { id: number; name?: string; available_name?: string; thumbnail?: string | null } | null;
  reactions: Reaction[];
  attachments: Attachment[];
  created_at: number;
  updated_at: number;
  conversation?: { assignee_id: number | null; unread_count: number; last_activity_at: number | null };
};

export type Conversation = {
  id: number;
  uuid: string;
  account_id: number;
  inbox_id: number;
  status: ConversationStatus;
  priority: ConversationPriority | null;
  labels: string[];
  muted: boolean;
  snoozed_until: number | null;
  unread_count: number;
  can_reply: boolean;
  channel: string | null;
  additional_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  messages: Message[];
  last_non_activity_message: Message | null;
  meta: { sender: ContactSummary | null; assignee: AgentCard | null; team: TeamCard | null; channel: string | null };
  waiting_since: number | null;
  last_activity_at: number | null;
  timestamp: number | null;
  created_at: number | null;
  updated_at: number | null;
  first_reply_created_at?: number | null;
};

export type TabCounts = { mine_count: number; unassigned_count: number; assigned_count: number; all_count: number };

export type ConversationListPage = { data: { meta: TabCounts; payload: Conversation[] } };

export type MessagesPage = {
  meta: { labels: string[]; contact: ContactSummary | null; assignee: AgentCard | null };
  payload: Message[];
};

export type Inbox = { id: number; name: string; channel_type: string; avatar_url: string };
export type Label = { id: number; title: string; description: string | null; color: string; show_on_sidebar: boolean };
export type Team = { id: number; name: string; description?: string | null };
export type CannedResponse = { id: number; short_code: string; content: string };

/** Which conversations a list shows, from the URL (secondary menu). */
export type ListScope =
  | { view: 'all' }
  | { view: 'mentions' }
  | { view: 'unattended' }
  | { view: 'inbox'; inboxId: number }
  | { view: 'label'; label: string }
  | { view: 'team'; teamId: number }
  | { view: 'folder'; folderId: number };

/** Everything the list query depends on. */
export type ListFilter = { scope: ListScope; tab: AssigneeTab; status: StatusFilter; sort: SortKey };

export const MESSAGE_TYPE = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;
