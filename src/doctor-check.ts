/** One line of the doctor's table. */
export interface DoctorCheck {
  layer: 'reach' | 'embed' | 'v1' | 'batch' | 'spclient' | 'web player' | 'v2' | 'store';
  name: string;
  /** `ok`; `healed` (works only thanks to healing); `stale` (the built-in table is out of date); `failed`; `skipped`. */
  status: 'ok' | 'healed' | 'stale' | 'failed' | 'skipped';
  detail: string;
}
