// Local console users (local mode only): username, institution, role and a scrypt hash of the
// password, in a JSON file in the data folder. On AWS the operator's identity provider holds users.
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { findInstitution, type Registry } from '../../shared/resources/registry.ts';
import {
  OPERATOR_ROLE,
  PROVINCIAL_ADMIN_ROLE,
  registeredProvince,
  ROLES,
  ROLES_OF_KIND,
  type Role,
} from './principal.ts';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 } as const;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

const storedUser = z.object({
  username: z.string().regex(USERNAME_PATTERN),
  institutionId: z.string(),
  role: z.enum(ROLES),
  salt: z.string(),
  hash: z.string(),
  createdAt: z.string(),
});
export type StoredUser = z.infer<typeof storedUser>;
const usersFile = z.object({ users: z.array(storedUser) });

export function usersFileIn(dataDir: string): string {
  return join(dataDir, 'console-users.json');
}

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
    scrypt(password as BinaryLike, salt, SCRYPT.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export class UserStore {
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  list(): StoredUser[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    return usersFile.parse(JSON.parse(text)).users;
  }

  /** Adds or replaces a user; problems name the field. */
  async add(
    input: { username: string; institutionId: string; role: string; password: string },
    registry: Registry,
  ): Promise<StoredUser> {
    if (!USERNAME_PATTERN.test(input.username))
      throw new Error('username: 2-64 lower-case letters, digits, dot, dash or underscore');
    const operator = input.institutionId === registry.service.id;
    const institution = findInstitution(registry, input.institutionId);
    if (input.role === PROVINCIAL_ADMIN_ROLE) {
      if (!registeredProvince(registry, input.institutionId))
        throw new Error(
          `institution: a ${PROVINCIAL_ADMIN_ROLE} names a province of the registry (e.g. FJ), not ${input.institutionId}`,
        );
    } else if (operator) {
      if (input.role !== OPERATOR_ROLE)
        throw new Error(`role: the service (${registry.service.id}) has one role, ${OPERATOR_ROLE}`);
    } else if (!institution) throw new Error(`institution: ${input.institutionId} is not in the registry`);
    else if (!ROLES_OF_KIND[institution.kind].includes(input.role as Role))
      throw new Error(
        `role: ${input.role} is not a role at a ${institution.kind} (one of ${ROLES_OF_KIND[institution.kind].join(', ')})`,
      );
    if (input.password.length < 8) throw new Error('password: at least 8 characters');
    const salt = randomBytes(16);
    const user: StoredUser = {
      username: input.username,
      institutionId: input.institutionId,
      role: input.role as Role,
      salt: salt.toString('base64'),
      hash: (await derive(input.password, salt)).toString('base64'),
      createdAt: new Date().toISOString(),
    };
    const users = this.list().filter((u) => u.username !== user.username);
    users.push(user);
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
    return user;
  }

  /** The user when the password matches; undefined otherwise (same work either way). */
  async authenticate(username: string, password: string): Promise<StoredUser | undefined> {
    const user = this.list().find((u) => u.username === username);
    const salt = user ? Buffer.from(user.salt, 'base64') : randomBytes(16);
    const expected = user ? Buffer.from(user.hash, 'base64') : Buffer.alloc(SCRYPT.keyLength);
    const actual = await derive(password, salt);
    return user && timingSafeEqual(actual, expected) ? user : undefined;
  }
}
