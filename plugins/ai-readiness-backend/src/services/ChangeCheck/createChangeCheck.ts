import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { ChangeStore, WatchedEtag } from '../../database/ChangeStore';
import type { CatalogReader } from '../CatalogReader/types';
import type { ScorecardRefresher } from '../ScorecardRefresher/types';
import type { ChangeCheck, ChangeCheckReport } from './types';

/**
 * Above this many pilots to re-evaluate one by one, a full refresh (one read
 * of everything, batched evaluation) costs less.
 */
export const MAX_SINGLE_REEVALUATIONS = 300;

export function createChangeCheck(options: {
  reader: Pick<CatalogReader, 'readEtags' | 'readCandidateEtags'>;
  refresher: Pick<ScorecardRefresher, 'refreshAll' | 'refreshEntities'>;
  store: ChangeStore;
  auth: AuthService;
  logger: LoggerService;
  maxSingle?: number;
}): ChangeCheck {
  const { reader, refresher, store, auth, logger } = options;
  const maxSingle = options.maxSingle ?? MAX_SINGLE_REEVALUATIONS;

  /** Remembers the candidates that are no pilot, so the next tick skips them. */
  async function rememberCandidates(candidates: Map<string, string>) {
    const known = new Set((await store.listWatched()).map(w => w.ref));
    await store.setEtags(
      [...candidates]
        .filter(([ref]) => !known.has(ref))
        .map(([ref, etag]) => ({ ref, etag, role: 'candidate' as const })),
    );
  }

  return {
    async run() {
      const started = Date.now();
      const credentials = await auth.getOwnServiceCredentials();
      const report: ChangeCheckReport = {
        mode: 'incremental',
        watched: 0,
        changed: 0,
        added: 0,
        reevaluated: 0,
        durationMs: 0,
      };
      const done = () => {
        report.durationMs = Date.now() - started;
        const line = `Change check (${report.mode}): ${report.changed} of ${report.watched} watched entities changed, ${report.added} new candidates, ${report.reevaluated} pilots re-evaluated, in ${report.durationMs} ms`;
        if (report.changed || report.added || report.mode !== 'incremental')
          logger.info(line);
        else logger.debug(line);
        return report;
      };

      const watched = await store.listWatched();
      report.watched = watched.length;
      const candidates = await reader.readCandidateEtags(credentials);
      // Nothing recorded (first start, or the last refresh saw an empty
      // catalog): a full refresh once the catalog holds candidates.
      if (!watched.length) {
        if (!candidates.size) {
          report.mode = 'waiting';
          return done();
        }
        report.mode = 'full';
        report.reevaluated = (await refresher.refreshAll()).pilots;
        await rememberCandidates(candidates);
        return done();
      }

      const byRef = new Map(watched.map(w => [w.ref, w]));
      const current = await reader.readEtags([...byRef.keys()], credentials);
      const changed: WatchedEtag[] = [];
      for (const w of watched) {
        const etag = current.get(w.ref) ?? '';
        if (etag !== w.etag) changed.push({ ...w, etag });
      }
      const added = [...candidates.keys()].filter(ref => !byRef.has(ref));
      report.changed = changed.length;
      report.added = added.length;
      if (!changed.length && !added.length) return done();

      const toEvaluate = new Set<string>([
        ...(await store.pilotsReading(changed.map(c => c.ref))),
        ...changed.filter(c => c.role !== 'input').map(c => c.ref),
        ...added,
      ]);
      if (toEvaluate.size > maxSingle) {
        report.mode = 'full';
        report.reevaluated = (await refresher.refreshAll()).pilots;
        await rememberCandidates(candidates);
        return done();
      }
      // The etags seen now; evaluations below record fresher ones over them.
      await store.setEtags(changed.filter(c => c.etag));
      await store.forget(changed.filter(c => !c.etag).map(c => c.ref));
      // One batch: one read of what they reference, one evaluation.
      const cards = await refresher.refreshEntities([...toEvaluate]);
      report.reevaluated = cards.size;
      await store.setEtags(
        [...toEvaluate]
          .filter(ref => !cards.has(ref) && candidates.has(ref))
          .map(ref => ({ ref, etag: candidates.get(ref)!, role: 'candidate' })),
      );
      return done();
    },
  };
}
