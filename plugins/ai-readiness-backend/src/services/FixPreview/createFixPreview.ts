import type {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  CatalogInfoPatchRefusedError,
  entityRefKey,
  FixPreviewRequest,
  FixPreviewResponse,
  patchCatalogInfo,
  selectFixes,
  unifiedDiff,
} from '@ai-readiness/plugin-ai-readiness-common';
import { promises as fs } from 'fs';
import type { ScorecardQueries } from '../ScorecardQueries/types';
import { FixNotPossibleError } from './FixNotPossibleError';
import { catalogFilePath, SourceFile, sourceFileOf } from './sourceFile';
import type { FixPreviewService } from './types';

export interface FixPreviewOptions {
  /** The entity and its scorecard, as GET /scorecards/... answers them. */
  queries: Pick<ScorecardQueries, 'get' | 'getVisibleEntity'>;
  urlReader: UrlReaderService;
  /** Root config: `catalog.locations` says which local files may be read. */
  config: Config;
  /** The backend's working directory, from which file locations resolve. */
  cwd?: string;
}

export function createFixPreview(
  options: FixPreviewOptions,
): FixPreviewService {
  const { queries, urlReader, config } = options;

  async function read(
    file: SourceFile,
    ref: string,
  ): Promise<SourceFile & { text: string }> {
    if (file.type === 'file') {
      const shown = catalogFilePath(config, file.target, options.cwd);
      if (!shown) {
        throw new FixNotPossibleError(
          `${ref} comes from a local file outside the file locations of catalog.locations; it is not read`,
        );
      }
      try {
        return {
          ...file,
          path: shown,
          text: await fs.readFile(file.target, 'utf8'),
        };
      } catch (error) {
        throw new FixNotPossibleError(
          `the file of ${ref} (${shown}) cannot be read: ${
            (error as Error).message
          }`,
        );
      }
    }
    try {
      const response = await urlReader.readUrl(file.target);
      return { ...file, text: (await response.buffer()).toString('utf8') };
    } catch (error) {
      throw new FixNotPossibleError(
        `the file of ${ref} (${file.target}) cannot be read: ${
          (error as Error).message
        }`,
      );
    }
  }

  return {
    async preview(
      credentials: BackstageCredentials,
      request: FixPreviewRequest,
    ) {
      const ref = entityRefKey(request.entityRef);
      const entity = await queries.getVisibleEntity(credentials, ref);
      const card = await queries.get(credentials, ref);
      const selection = selectFixes(card, request.checks);
      if (!selection.remediations.length) {
        throw new FixNotPossibleError(
          selection.notes.length
            ? `nothing to fix: ${selection.notes.join('; ')}`
            : `nothing to fix: ${ref} has no failing check with a remediation`,
        );
      }
      const file = await read(sourceFileOf(entity, ref), ref);
      let patch;
      try {
        patch = patchCatalogInfo({
          text: file.text,
          entityRef: ref,
          remediations: selection.remediations,
        });
      } catch (error) {
        if (error instanceof CatalogInfoPatchRefusedError) {
          throw new FixNotPossibleError(`${file.path}: ${error.message}`);
        }
        throw error;
      }
      const notes = [...file.notes, ...selection.notes, ...patch.notes];
      if (!patch.checks.length) {
        throw new FixNotPossibleError(
          `nothing to change in ${file.path}: ${notes.join('; ')}`,
        );
      }
      const answer: FixPreviewResponse = {
        file: { url: file.target, path: file.path, type: file.type },
        diff: unifiedDiff(file.path, file.text, patch.text),
        patched: patch.text,
        checks: patch.checks,
        notes,
      };
      return answer;
    },
  };
}
