// Engine-thread plugin (local/engine-thread.ts loads it when the bench asks): counts the
// write units dynalite's responses leave out (engine-capacity.ts) on the thread dynalite runs
// on, and hands them over when asked with 'take-units', starting a fresh count.
import type { ThreadPlugin } from '../../local/engines.ts';
import { countEngineUnits, emptyEngineUnits } from './engine-capacity.ts';

let current = emptyEngineUnits();
countEngineUnits(() => current);

export default {
  answer(message) {
    if (message !== 'take-units') throw new Error(`unknown question ${JSON.stringify(message)}`);
    const taken = current;
    current = emptyEngineUnits();
    return taken;
  },
} satisfies ThreadPlugin;
