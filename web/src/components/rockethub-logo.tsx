/** The RocketHub mark: a rocket in a rounded square, in the brand colour. */
export function RocketHubMark({ className = 'size-9' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-brand" />
      <path
        d="M20.5 6.5c-4.2.6-7.6 3.9-9.3 8.4l-2.9.6-2.3 3.3 3.8.4 3 3 .4 3.8 3.3-2.3.6-2.9c4.5-1.7 7.8-5.1 8.4-9.3l.3-5.1zM19 11.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z"
        className="fill-on-brand"
      />
    </svg>
  );
}

export function RocketHubWordmark() {
  return (
    <span className="flex items-center gap-2.5">
      <RocketHubMark />
      <span className="text-lg font-semibold tracking-tight text-ink">RocketHub</span>
    </span>
  );
}
