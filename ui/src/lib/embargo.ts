// The embargo's RFC 3339 time split into the form's date, time and zone, and back.

export interface EmbargoParts {
  date: string;
  time: string;
  offset: string;
}

/** Every UTC offset in use, from -12:00 to +14:00. */
export const OFFSETS: string[] = (() => {
  const minutes = [-720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120,
    180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840];
  return minutes.map(formatOffset);
})();

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** The machine's current offset, e.g. `+05:00`. */
export function localOffset(): string {
  return formatOffset(-new Date().getTimezoneOffset());
}

export function splitEmbargo(until: string): EmbargoParts {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(until.trim());
  if (!m) return { date: "", time: "", offset: "+00:00" };
  const offset = !m[3] || m[3].toUpperCase() === "Z" ? "+00:00" : m[3];
  return { date: m[1], time: m[2], offset };
}

export function joinEmbargo(parts: EmbargoParts): string {
  return `${parts.date}T${parts.time || "00:00"}:00${parts.offset}`;
}
