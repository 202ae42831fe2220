import type { Availability } from '../../lib/api-types';

const DOT_CLASSES: Record<Availability, string> = {
  online: 'bg-success',
  busy: 'bg-warning',
  offline: 'bg-muted',
};

export function AvailabilityDot({ availability, className = '' }: { availability: Availability; className?: string }) {
  return <span aria-hidden="true" className={`block size-2.5 rounded-full ring-2 ring-rail ${DOT_CLASSES[availability]} ${className}`} />;
}
