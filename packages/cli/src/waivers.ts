/*
 * --waivers FILE: the waiver requests a portal approved (its GET /waivers
 * answer, or a list of requests), so that an offline run scores the pilots
 * as the portal does (shared/waivers.md: approved requests are an input to
 * evaluation, as evidence is).
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  WAIVER_CATEGORIES,
  WAIVER_REQUEST_STATES,
  WaiverRequest,
  WaiverRequestsView,
  waiverRequestsView,
} from '@ai-readiness/plugin-ai-readiness-common';
import { isValidDate } from './args';
import { FatalError } from './shared';

const REQUIRED_TEXT = ['id', 'entityRef', 'checkId'] as const;

/** Why one request is unusable, naming its field; undefined when it is fine. */
function problemOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return 'is not an object';
  const request = item as Record<string, unknown>;
  for (const field of REQUIRED_TEXT) {
    if (typeof request[field] !== 'string' || !request[field])
      return `.${field} must be a non-empty string`;
  }
  if (!(WAIVER_CATEGORIES as readonly unknown[]).includes(request.category))
    return `.category must be one of ${WAIVER_CATEGORIES.join(', ')}`;
  if (!(WAIVER_REQUEST_STATES as readonly unknown[]).includes(request.state))
    return `.state must be one of ${WAIVER_REQUEST_STATES.join(', ')}`;
  if (typeof request.expires !== 'string' || !isValidDate(request.expires))
    return '.expires must be a date written YYYY-MM-DD';
  return undefined;
}

/** Reads the requests of FILE (JSON or YAML); a FatalError names what is wrong. */
export function readWaivers(file: string, cwd: string): WaiverRequestsView {
  const shown = path.relative(cwd, path.resolve(cwd, file)) || file;
  let value: unknown;
  try {
    value = parse(fs.readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new FatalError(
      `cannot read the waivers file ${shown}: ${(e as Error).message}`,
    );
  }
  const items =
    value && typeof value === 'object' && !Array.isArray(value)
      ? (value as { items?: unknown }).items
      : value;
  if (!Array.isArray(items))
    throw new FatalError(
      `the waivers file ${shown} must hold a list of requests, or GET /waivers's answer ({ items: [...] })`,
    );
  items.forEach((item, i) => {
    const problem = problemOf(item);
    if (problem)
      throw new FatalError(
        `${shown}: items[${i}]${
          problem.startsWith('.') ? problem : ` ${problem}`
        }`,
      );
  });
  return waiverRequestsView(items as WaiverRequest[]);
}
