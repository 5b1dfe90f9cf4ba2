// Captures every line this process writes while a run is under way (process.stdout and
// process.stderr, where the Powertools logger writes, and the console methods, which vitest
// reroutes) and looks in each for the prisoners' identity numbers and names: as they are,
// JSON-escaped (\uXXXX, either case), percent-encoded, and identity numbers without their
// check character. Captured lines are not printed (a DEBUG run writes a great many).
export interface Secrets {
  readonly personIds: readonly string[];
  readonly names: readonly string[];
}

export interface Leak {
  readonly what: 'identity number' | 'name';
  /** The line with the secret masked, shortened: the report itself must not leak. */
  readonly line: string;
}

type Write = typeof process.stdout.write;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

function jsonEscaped(text: string, upper: boolean): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return char;
      const hex = code.toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    })
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class LogCapture {
  lines = 0;
  /** Lines written by the Powertools logger (JSON with "service":"linkage"). */
  loggerLines = 0;
  /** Logger lines by level (DEBUG, INFO, WARN, ERROR...). */
  readonly levels = new Map<string, number>();
  readonly leaks: Leak[] = [];
  private readonly identityPrefixes: Set<string>;
  private readonly namePattern: RegExp | undefined;
  private readonly restore: (() => void)[] = [];
  private partial = '';

  constructor(secrets: Secrets) {
    this.identityPrefixes = new Set(secrets.personIds.map((id) => id.slice(0, 17)));
    const forms = secrets.names.flatMap((name) => [
      name,
      jsonEscaped(name, false),
      jsonEscaped(name, true),
      encodeURIComponent(name),
      encodeURIComponent(name).toLowerCase(),
    ]);
    this.namePattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|')) : undefined;
  }

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      const capture = (chunk: unknown, ...rest: unknown[]): boolean => {
        this.take(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
        const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
        callback?.();
        return true;
      };
      stream.write = capture as Write;
      this.restore.push(() => (stream.write = original));
    }
    for (const method of CONSOLE_METHODS) {
      const original = console[method];
      console[method] = (...args: unknown[]) =>
        this.take(`${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`);
      this.restore.push(() => (console[method] = original));
    }
  }

  stop(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
    if (this.partial) this.scan(this.partial);
    this.partial = '';
  }

  private take(text: string): void {
    const pieces = (this.partial + text).split('\n');
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.scan(line);
  }

  /** `2523 logger lines (INFO 2000, WARN 400, ...)` */
  describe(): string {
    const levels = [...this.levels].map(([level, n]) => `${level} ${n}`).join(', ');
    return `${this.lines} lines captured, ${this.loggerLines} from the logger (${levels || 'none'}), ${this.leaks.length} with an identity number or name`;
  }

  private scan(line: string): void {
    this.lines += 1;
    if (line.includes('"service":"linkage"')) {
      this.loggerLines += 1;
      const level = /"level":"(\w+)"/.exec(line)?.[1] ?? 'unknown';
      this.levels.set(level, (this.levels.get(level) ?? 0) + 1);
    }
    for (const run of line.match(/\d{17,}/g) ?? []) {
      for (let i = 0; i + 17 <= run.length; i += 1) {
        if (this.identityPrefixes.has(run.slice(i, i + 17))) {
          this.leaks.push({ what: 'identity number', line: mask(line, run) });
          return;
        }
      }
    }
    // Names are CJK: a line of plain ASCII can hold one only escaped.
    if (this.namePattern && /[\u0080-\uffff]|\\u|%/.test(line)) {
      const found = this.namePattern.exec(line);
      if (found) this.leaks.push({ what: 'name', line: mask(line, found[0]) });
    }
  }
}

function mask(line: string, secret: string): string {
  return line.replaceAll(secret, '<secret>').slice(0, 300);
}
