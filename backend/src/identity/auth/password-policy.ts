import { randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config/index.ts';
import { ServiceError } from '../../platform/errors/index.ts';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why a new password is refused, or null: at least 10 characters, not the username, and not the
 * demo password (it is printed in the start banner and the README, so it is no secret anywhere).
 */
export function passwordProblem(password: string, username: string, config: Pick<Config, 'demoPassword'>): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase() === username.toLowerCase()) return 'must not be the username';
  if (config.demoPassword && password === config.demoPassword) return 'must not be the demo password';
  return null;
}

/** Throws a 400 naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(field: string, password: string, username: string, config: Pick<Config, 'demoPassword'>): void {
  const problem = passwordProblem(password, username, config);
  if (problem) throw new ServiceError('invalid_request', `${field}: ${problem}`, [{ path: [field], message: problem }]);
}

/** A one-time password an admin hands over (shown once): 16 URL-safe characters, well over the policy's minimum. */
export const generatePassword = () => randomBytes(12).toString('base64url');
