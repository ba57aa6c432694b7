import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { getOrCreateSetting } from '../store/settings-repo.js';

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

  issue(identity: LoginIdentity): string {
    const iat = Math.floor(this.now() / 1000);
    return jwt.sign(
      { sub: identity.studentId, username: identity.username, jti: randomUUID(), iat, exp: iat + LOGIN_TOKEN_LIFETIME_SECONDS },
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
        typeof decoded.exp !== 'number'
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
    const student = prepared<[string], { id: string; username: string }>(
      this.db,
      'SELECT id, username FROM students WHERE id = ?',
    ).get(claims.sub);
    if (!student) return { kind: 'invalid' };
    return { kind: 'valid', identity: { studentId: student.id, username: student.username }, jti: claims.jti, expires: claims.exp };
  }

  /** Call inside a write transaction. */
  static revoke(db: Db, jti: string, expires: number): void {
    prepared(db, 'INSERT INTO revoked_tokens (jti, expires) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING').run(jti, expires);
  }
}
