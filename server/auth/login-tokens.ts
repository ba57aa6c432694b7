import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getOrCreateSetting } from '../store/settings-repo.js';
import { tokenGeneration } from './token-generation.js';

export const LOGIN_TOKEN_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

export interface LoginIdentity {
  studentId: string;
  username: string;
}

export type TokenCheck =
  | { kind: 'valid'; identity: LoginIdentity; jti: string; expires: number }
  | { kind: 'revoked' }
  | { kind: 'invalid' };

interface Claims {
  sub: string;
  username: string;
  jti: string;
  exp: number;
  /** The student's token generation at issue (token-generation.ts); absent in tokens from before it existed. */
  gen?: number;
}

/**
 * HS256 login tokens signed with a secret generated per installation (DESIGN.md security model). Only HS256 is
 * accepted on verify, so `alg: none` and every other algorithm are refused.
 */
export class LoginTokens {
  private readonly secret: string;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = getOrCreateSetting(db, 'jwt_secret', () => randomBytes(48).toString('base64url'));
  }

  /**
   * `generation` is the student's token generation read together with the password hash that was checked, so a reset
   * that lands while scrypt runs still refuses this token (it was earned with the old password). Without it, the
   * current value is read.
   */
  issue(identity: LoginIdentity, generation: number = tokenGeneration(this.db, identity.studentId) ?? 0): string {
    const iat = Math.floor(this.now() / 1000);
    return jwt.sign(
      {
        sub: identity.studentId,
        username: identity.username,
        jti: randomUUID(),
        gen: generation,
        iat,
        exp: iat + LOGIN_TOKEN_LIFETIME_SECONDS,
      },
      this.secret,
      { algorithm: 'HS256' },
    );
  }

  check(token: string): TokenCheck {
    let claims: Claims;
    try {
      const decoded = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.now() / 1000),
      });
      if (
        typeof decoded !== 'object' ||
        typeof decoded.sub !== 'string' ||
        typeof decoded.jti !== 'string' ||
        // Every token Aula issues expires; one without `exp` was not made here.
        typeof decoded.exp !== 'number' ||
        (decoded.gen !== undefined && !Number.isSafeInteger(decoded.gen))
      ) {
        return { kind: 'invalid' };
      }
      claims = decoded as Claims;
    } catch {
      return { kind: 'invalid' };
    }
    if (prepared<[string], { one: number }>(this.db, 'SELECT 1 AS one FROM revoked_tokens WHERE jti = ?').get(claims.jti)) {
      return { kind: 'revoked' };
    }
    // The one indexed read a start costs anyway (the student must still exist) also brings the token generation.
    const student = prepared<[string], { id: string; username: string; generation: number }>(
      this.db,
      'SELECT id, username, token_generation AS generation FROM students WHERE id = ?',
    ).get(claims.sub);
    if (!student) return { kind: 'invalid' };
    // Issued before the student's last password reset: refused exactly as a logged-out token is (contract C-4.8).
    if ((claims.gen ?? 0) !== student.generation) return { kind: 'revoked' };
    return { kind: 'valid', identity: { studentId: student.id, username: student.username }, jti: claims.jti, expires: claims.exp };
  }

  /** Call inside a write transaction. */
  static revoke(db: Db, jti: string, expires: number): void {
    prepared(db, 'INSERT INTO revoked_tokens (jti, expires) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING').run(jti, expires);
  }
}
