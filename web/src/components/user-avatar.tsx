type UserAvatarProps = { name: string; imageUrl?: string | null; size?: 'sm' | 'md' };

/** Up to two initials: first letters of the first and last words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

const SIZE_CLASSES = { sm: 'size-8 text-xs', md: 'size-9 text-sm' } as const;

export function UserAvatar({ name, imageUrl, size = 'md' }: UserAvatarProps) {
  const sizeClasses = SIZE_CLASSES[size];
  if (imageUrl) {
    return <img src={imageUrl} alt="" className={`${sizeClasses} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span
      aria-hidden="true"
      className={`${sizeClasses} flex shrink-0 items-center justify-center rounded-full bg-brand-soft font-semibold text-brand`}
    >
      {initialsOf(name)}
    </span>
  );
}
