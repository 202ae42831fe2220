type Props<T> = {
  label: string;
  items: T[];
  active: number;
  render(item: T): React.ReactNode;
  keyOf(item: T): string | number;
  onPick(item: T): void;
  empty: string;
};

/** The pop-up list above the reply box for "/" canned responses and "@" mentions. */
export function SuggestionList<T>({ label, items, active, render, keyOf, onPick, empty }: Props<T>) {
  return (
    <div className="absolute right-3 bottom-full left-3 z-20 mb-1 max-h-56 overflow-y-auto rounded-xl border border-line bg-surface p-1 shadow-lg">
      <ul role="listbox" aria-label={label}>
        {items.length === 0 && <li className="px-2 py-1.5 text-sm text-muted">{empty}</li>}
        {items.map((item, index) => (
          <li
            key={keyOf(item)}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(item);
            }}
            className={`cursor-pointer rounded-md px-2 py-1.5 text-sm ${index === active ? 'bg-brand-soft text-ink' : 'text-ink hover:bg-subtle'}`}
          >
            {render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
