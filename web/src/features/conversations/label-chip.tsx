/** A label with its colour ("Marcadores"). */
export function LabelChip({ title, color }: { title: string; color: string | undefined }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-md border border-line px-1.5 py-0.5 text-[11px] leading-none text-ink">
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color ?? 'var(--rh-muted)' }} aria-hidden="true" />
      <span className="truncate">{title}</span>
    </span>
  );
}
