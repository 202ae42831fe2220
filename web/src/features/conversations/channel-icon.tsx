import { Code, Globe, Mail, MessageCircle, Phone, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';

const ICONS: Record<string, LucideIcon> = {
  'Channel::WebWidget': Globe,
  'Channel::Api': Code,
  'Channel::Email': Mail,
  'Channel::Whatsapp': MessageCircle,
  'Channel::Sms': Phone,
};

export const channelKey = (channel: string | null | undefined) => (channel ?? '').replace('Channel::', '').toLowerCase() || 'unknown';

/** "Canal de Origem": the channel's icon, named for screen readers. */
export function ChannelIcon({ channel, className = 'size-3.5' }: { channel: string | null | undefined; className?: string }) {
  const { t } = useTranslation();
  const Icon = ICONS[channel ?? ''] ?? MessageCircle;
  const name = t(`workspace.channels.${channelKey(channel)}`, { defaultValue: t('workspace.channels.unknown') });
  return <Icon className={`${className} shrink-0 text-muted`} role="img" aria-label={name} />;
}
