import { useQueryClient } from '@tanstack/react-query';
import { FolderPlus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useCurrentAccount } from '../../accounts/current-account';
import { scopePath } from '../conversation-scope';
import type { ListScope } from '../conversation-types';
import { FolderBuilderDialog } from './folder-builder-dialog';
import { deleteFolder, folderKeys, useFolders } from './folders-api';

const iconButton = 'rounded-lg border border-line p-1 text-muted hover:bg-subtle hover:text-ink';

/** Beside the list's title: the advanced filter that makes a folder, and in a folder, "Excluir pasta". */
export function FolderHeaderActions({ scope }: { scope: ListScope }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { account } = useCurrentAccount();
  const folders = useFolders(account.id);
  const [building, setBuilding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const folder = scope.view === 'folder' ? folders.data?.find((f) => f.id === scope.folderId) : undefined;

  const remove = async () => {
    if (!folder) return;
    await deleteFolder(account.id, folder.id);
    setConfirming(false);
    await client.invalidateQueries({ queryKey: folderKeys.all(account.id) });
    void navigate(scopePath(account.id, { view: 'all' }));
  };

  return (
    <>
      <button type="button" onClick={() => setBuilding(true)} className={iconButton} aria-label={t('workspace.folders.open')} title={t('workspace.folders.open')}>
        <FolderPlus className="size-4" aria-hidden="true" />
      </button>
      {folder && (
        <button type="button" onClick={() => setConfirming(true)} className={iconButton} aria-label={t('workspace.folders.delete')} title={t('workspace.folders.delete')}>
          <Trash2 className="size-4" aria-hidden="true" />
        </button>
      )}
      <FolderBuilderDialog open={building} onOpenChange={setBuilding} />
      {folder && (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t('workspace.folders.deleteTitle', { name: folder.name })}
          description={t('workspace.folders.deleteDescription')}
          confirmLabel={t('workspace.folders.delete')}
          onConfirm={() => void remove()}
        />
      )}
    </>
  );
}
