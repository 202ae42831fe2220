import { useId, type ReactNode } from 'react';

/** A titled block of the contact page. */
export function ContactCard({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface">
      <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-3">
        <h2 id={id} className="text-sm font-semibold text-ink">
          {title}
        </h2>
        {actions}
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
