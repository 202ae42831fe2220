import { useQueryClient } from '@tanstack/react-query';
import { Paperclip, Send, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { AudioPreview } from './composer-tools/audio-preview';
import { formatsFor, supportsSignature, withSignature } from './composer-tools/channel-formats';
import { EmojiPicker } from './composer-tools/emoji-picker';
import { FormattingToolbar } from './composer-tools/formatting-toolbar';
import { LinkField } from './composer-tools/link-field';
import { FORMAT_KEYS, insertLink, insertText, toggleInline, toggleList, type Edit, type Format } from './composer-tools/markdown-format';
import { VoiceRecorder } from './composer-tools/voice-recorder';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import { useAgents } from '../agents/agents-api';
import type { CannedResponse, Conversation, Message } from './conversation-types';
import { sendMessage, useCannedResponses, useInboxes } from './conversations-api';
import { applyMessage } from './live-cache';
import { SuggestionList } from './suggestion-list';
import { useDraft } from './use-draft';
import { useTypingSignal } from './use-typing-signal';
import { onWorkspaceCommand } from './workspace-commands';

type Mode = 'reply' | 'private';
/** The server takes up to 10 files per message. */
const MAX_FILES = 10;
type Mention = { id: number; name: string };
const toolClasses = 'rounded-lg p-1.5 text-muted hover:bg-subtle hover:text-ink disabled:opacity-50';
type Props = { conversation: Conversation; replyTo: Message | null; onClearReply(): void };

/** The word being typed at the caret when it starts with `/` (at a line start) or `@`. */
function trigger(text: string, caret: number): { kind: '/' | '@'; term: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)([/@])([^\s/@]*)$/.exec(before);
  if (!match) return null;
  const kind = match[2] as '/' | '@';
  const start = before.length - match[3]!.length - 1;
  if (kind === '/' && !(start === 0 || before[start - 1] === '\n')) return null;
  return { kind, term: match[3]!, start };
}

/** "Caixa de Resposta": tabs "Responder" / "Mensagem Privada", "/" canned responses, "@" mentions, files, drafts. */
export function Composer({ conversation, replyTo, onClearReply }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account, user } = useCurrentAccount();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useDraft(account.id, conversation.id, mode);
  const [files, setFiles] = useState<File[]>([]);
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typing = useTypingSignal(account.id, conversation.id, mode === 'private');
  const cmdEnter = user.ui_settings.editor_message_key === 'cmd_enter';
  const inboxes = useInboxes(account.id);
  const channel = conversation.meta.channel ?? inboxes.data?.find((inbox) => inbox.id === conversation.inbox_id)?.channel_type;
  const formats = mode === 'private' ? formatsFor('Channel::Api') : formatsFor(channel);
  const signature = mode === 'reply' && supportsSignature(channel) ? user.message_signature?.trim() || null : null;
  const [signOff, setSignOff] = useState(true);
  const [linkFor, setLinkFor] = useState<Edit | null>(null);

  useEffect(
    () =>
      onWorkspaceCommand((command) => {
        if (command !== 'reply' && command !== 'private') return;
        setMode(command);
        textarea.current?.focus();
      }),
    [],
  );

  const open = trigger(text, caret);
  const cannedOpen = open?.kind === '/';
  const mentionOpen = open?.kind === '@' && mode === 'private';
  const canned = useCannedResponses(account.id, cannedOpen ? open.term : '', cannedOpen);
  const agents = useAgents(account.id);
  const mentionable = mentionOpen
    ? (agents.data ?? []).filter((a) => a.available_name.toLowerCase().includes(open.term.toLowerCase())).slice(0, 8)
    : [];
  const suggestions = cannedOpen ? (canned.data ?? []).slice(0, 8) : mentionable;

  const replaceTrigger = (insert: string) => {
    if (!open) return;
    const next = text.slice(0, open.start) + insert + text.slice(caret);
    setText(next);
    const position = open.start + insert.length;
    setCaret(position);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(position, position));
  };
  const pickCanned = (item: CannedResponse) => replaceTrigger(item.content);
  const pickMention = (agent: { id: number; available_name: string }) => {
    setMentions((list) => [...list.filter((m) => m.id !== agent.id), { id: agent.id, name: agent.available_name }]);
    replaceTrigger(`@${agent.available_name} `);
  };

  const selection = (): Edit => {
    const box = textarea.current;
    return { text, start: box?.selectionStart ?? text.length, end: box?.selectionEnd ?? text.length };
  };
  const applyEdit = (edit: Edit) => {
    setText(edit.text);
    setCaret(edit.end);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(edit.start, edit.end);
    });
  };
  const format = (kind: Format) => {
    if (kind === 'link') setLinkFor(selection());
    else if (kind === 'bulletList' || kind === 'orderedList') applyEdit(toggleList(selection(), kind));
    else applyEdit(toggleInline(selection(), kind));
  };

  const send = async () => {
    const content = text.trim();
    if ((!content && files.length === 0) || sending) return;
    setSending(true);
    setError(null);
    typing.stop();
    try {
      const withMentions =
        mode === 'private' ? mentions.reduce((acc, m) => acc.split(`@${m.name}`).join(`[@${m.name}](mention://user/${m.id}/${encodeURIComponent(m.name)})`), content) : content;
      const message = await sendMessage(account.id, conversation.id, {
        content: signature && signOff && withMentions ? withSignature(withMentions, signature) : withMentions,
        private: mode === 'private',
        inReplyTo: replyTo?.id,
        files,
      });
      applyMessage(client, account.id, user.id, message);
      setText('');
      setFiles([]);
      setMentions([]);
      setSignOff(true);
      onClearReply();
    } catch {
      setError(t('workspace.composer.sendError'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((cannedOpen || mentionOpen) && suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + delta + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const item = suggestions[Math.min(active, suggestions.length - 1)];
        if (item && cannedOpen) pickCanned(item as CannedResponse);
        else if (item) pickMention(item as { id: number; available_name: string });
        setActive(0);
        return;
      }
    }
    const formatKey = FORMAT_KEYS[event.key.toLowerCase()];
    if (formatKey && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && formats.includes(formatKey)) {
      event.preventDefault();
      format(formatKey);
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    const modifier = event.ctrlKey || event.metaKey;
    if (cmdEnter ? modifier : !modifier) {
      event.preventDefault();
      void send();
    }
  };

  const addFiles = (list: FileList | null | undefined) => {
    const added = Array.from(list ?? []);
    if (added.length > 0) setFiles((current) => [...current, ...added].slice(0, MAX_FILES));
  };

  const isPrivate = mode === 'private';
  return (
    <div
      className={`border-t border-line px-3 pt-2 pb-3 md:px-4 ${isPrivate ? 'bg-warning-soft/60' : 'bg-surface'}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        addFiles(e.dataTransfer.files);
      }}
    >
      <div role="tablist" aria-label={t('workspace.composer.tabs')} className="mb-2 flex gap-1">
        {(['reply', 'private'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            onClick={() => setMode(tab)}
            className={`rounded-lg px-3 py-1 text-sm ${mode === tab ? (tab === 'private' ? 'bg-warning-soft font-semibold text-warning' : 'bg-brand-soft font-semibold text-brand') : 'text-muted hover:bg-subtle'}`}
          >
            {t(`workspace.composer.${tab}`)}
          </button>
        ))}
      </div>
      {replyTo && (
        <div className="mb-2 flex items-start gap-2 rounded-lg border-l-2 border-brand bg-subtle px-2 py-1 text-xs text-muted">
          <span className="line-clamp-2 flex-1">{t('workspace.composer.replyingTo', { text: replyTo.content ?? '' })}</span>
          <button type="button" onClick={onClearReply} aria-label={t('workspace.composer.cancelReply')} className="rounded p-0.5 hover:bg-line">
            <X className="size-3.5" aria-hidden="true" />
          </button>
        </div>
      )}
      <div className="relative">
        {(cannedOpen || mentionOpen) && (
          <SuggestionList
            label={cannedOpen ? t('workspace.composer.cannedResponses') : t('workspace.composer.mentions')}
            items={suggestions as (CannedResponse | { id: number; available_name: string; email: string })[]}
            active={Math.min(active, Math.max(suggestions.length - 1, 0))}
            keyOf={(item) => item.id}
            empty={cannedOpen ? t('workspace.composer.noCanned') : t('workspace.composer.noAgents')}
            onPick={(item) => ('short_code' in item ? pickCanned(item) : pickMention(item))}
            render={(item) =>
              'short_code' in item ? (
                <span className="flex flex-col">
                  <span className="font-medium">/{item.short_code}</span>
                  <span className="truncate text-xs text-muted">{item.content}</span>
                </span>
              ) : (
                <span className="flex flex-col">
                  <span className="font-medium">{item.available_name}</span>
                  <span className="text-xs text-muted">{item.email}</span>
                </span>
              )
            }
          />
        )}
        <textarea
          ref={textarea}
          value={text}
          rows={3}
          aria-label={isPrivate ? t('workspace.composer.privatePlaceholder') : t('workspace.composer.replyPlaceholder')}
          placeholder={isPrivate ? t('workspace.composer.privatePlaceholder') : t('workspace.composer.replyPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
            typing.typed();
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={typing.stop}
          onPaste={(e) => {
            if (e.clipboardData.files.length === 0) return;
            e.preventDefault();
            addFiles(e.clipboardData.files);
          }}
          className="max-h-48 min-h-16 w-full resize-y rounded-lg border border-line bg-surface px-3 py-2 text-sm text-ink placeholder:text-muted/70 focus:border-brand focus:ring-2 focus:ring-brand/30 focus:outline-none"
        />
      </div>
      {linkFor && (
        <LinkField
          onCancel={() => {
            const at = linkFor;
            setLinkFor(null);
            applyEdit({ ...at, text });
          }}
          onInsert={(url) => {
            const at = linkFor;
            setLinkFor(null);
            applyEdit(insertLink({ ...at, text }, url));
          }}
        />
      )}
      {files.length > 0 && (
        <ul aria-label={t('workspace.composer.files')} className="mt-1 flex flex-wrap gap-1">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center gap-1 rounded-md bg-subtle px-2 py-0.5 text-xs text-ink">
              {file.type.startsWith('audio/') ? <AudioPreview file={file} /> : file.name}
              <button type="button" onClick={() => setFiles((list) => list.filter((_, i) => i !== index))} aria-label={t('workspace.composer.removeFile', { name: file.name })}>
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="mt-1 text-xs text-danger">{error}</p>}
      <div className="mt-2 flex flex-wrap items-center gap-1">
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <FormattingToolbar formats={formats} onFormat={format} buttonClassName={toolClasses} />
        <EmojiPicker className={toolClasses} onPick={(emoji) => applyEdit(insertText(selection(), emoji))} />
        <button type="button" onClick={() => fileInput.current?.click()} className={toolClasses} aria-label={t('workspace.composer.attach')} title={t('workspace.composer.attach')}>
          <Paperclip className="size-4" aria-hidden="true" />
        </button>
        <VoiceRecorder buttonClassName={toolClasses} onRecorded={(file) => setFiles((list) => [...list, file].slice(0, MAX_FILES))} />
        {signature && (
          <label className="ml-1 flex shrink-0 items-center gap-1 text-xs text-muted" title={signature}>
            <input type="checkbox" checked={signOff} onChange={(e) => setSignOff(e.target.checked)} className="accent-brand" />
            {t('workspace.composer.signature')}
          </label>
        )}
        <p className="hidden min-w-0 truncate text-xs text-muted 2xl:block">{cmdEnter ? t('workspace.composer.hintCmdEnter') : t('workspace.composer.hintEnter')}</p>
        <button
          type="button"
          onClick={() => void send()}
          disabled={sending || (!text.trim() && files.length === 0)}
          className={`ml-auto flex items-center gap-1.5 rounded-lg px-4 py-1.5 text-sm font-medium disabled:opacity-50 ${isPrivate ? 'bg-warning text-white dark:text-canvas' : 'bg-brand text-on-brand hover:bg-brand-strong'}`}
        >
          <Send className="size-4" aria-hidden="true" />
          {isPrivate ? t('workspace.composer.sendNote') : t('workspace.composer.send')}
        </button>
      </div>
    </div>
  );
}
