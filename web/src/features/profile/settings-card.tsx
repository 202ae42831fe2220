import type { ReactNode } from 'react';

type SettingsCardProps = { title: string; description?: string; id?: string; children: ReactNode };

/** One titled block of a settings page. */
export function SettingsCard({ title, description, id, children }: SettingsCardProps) {
  return (
    <section id={id} aria-labelledby={id ? `${id}-title` : undefined} className="grid gap-4 border-b border-line py-6 last:border-b-0 lg:grid-cols-[16rem_1fr] lg:gap-10">
      <div>
        <h2 id={id ? `${id}-title` : undefined} className="text-base font-semibold text-ink">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      </div>
      <div className="max-w-xl">{children}</div>
    </section>
  );
}
