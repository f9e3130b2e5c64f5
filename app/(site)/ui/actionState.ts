/** What a server action returns to its form (messages in Chinese). `at` bumps on every answer so a form can reset after success. */
export interface FormState {
  ok: boolean;
  message: string;
  at: number;
}
export const formFail = (message: string): FormState => ({ ok: false, message, at: Date.now() });
export const formDone = (message: string): FormState => ({ ok: true, message, at: Date.now() });
