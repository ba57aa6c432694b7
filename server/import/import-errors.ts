/** Why a bundle is refused before anything is written; `reason` is the admin API's kebab-code. */
export type ImportRefusal = 'not-a-bundle' | 'bundle-too-new' | 'bundle-tampered' | 'bundle-invalid';

export class ImportRefusedError extends Error {
  constructor(
    readonly reason: ImportRefusal,
    message: string,
  ) {
    super(message);
  }
}
