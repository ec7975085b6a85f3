import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  type CheckStatus,
  type DraftError,
  type DraftScorecard,
  mergeRemediations,
  entityRefKey,
  type Scorecard,
  type EvaluateResponse,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { CopyButton } from '../CopyButton';
import { LevelBadge } from '../LevelBadge';
import { SafeLink } from '../SafeLink';
import { applyRemediations, draftYamlOf } from './draftYaml';
import { blockersText } from '../../lib/blockerText';
import { YamlEditor } from './YamlEditor';

/** Quiet time after the last keystroke before the draft is evaluated. */
export const DEBOUNCE_MS = 500;

export interface CheckChange {
  id: string;
  title: string;
  before: CheckStatus | undefined;
  after: CheckStatus | undefined;
}

/** The checks whose status differs between the stored card and the draft's. */
export function changedChecks(
  current: Scorecard,
  draft: Scorecard,
): CheckChange[] {
  const before = new Map(
    current.dimensions.flatMap(d => d.checks).map(c => [c.id, c]),
  );
  const after = new Map(
    draft.dimensions.flatMap(d => d.checks).map(c => [c.id, c]),
  );
  const out: CheckChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b?.status === a?.status) continue;
    out.push({
      id,
      title: (a ?? b)!.title,
      before: b?.status,
      after: a?.status,
    });
  }
  return out;
}

type EvaluationState =
  | { state: 'idle' }
  | { state: 'pending'; last?: EvaluateResponse }
  | { state: 'done'; answer: EvaluateResponse }
  | { state: 'failed'; error: Error; last?: EvaluateResponse };

function lastAnswer(s: EvaluationState): EvaluateResponse | undefined {
  if (s.state === 'done') return s.answer;
  if (s.state === 'pending' || s.state === 'failed') return s.last;
  return undefined;
}

function ErrorsList(props: { errors: DraftError[] }) {
  if (!props.errors.length) return null;
  return (
    <Alert severity="error" data-testid="whatif-errors">
      <Box component="ul" m={0} pl={2}>
        {props.errors.map((e, i) => (
          <li key={i}>
            {e.line ? `Line ${e.line}: ` : ''}
            {e.message}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function Comparison(props: { current: Scorecard; draft: DraftScorecard }) {
  const { current, draft } = props;
  const changes = changedChecks(current, draft);
  return (
    <Box data-testid="whatif-result">
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <LevelBadge
          level={current.level}
          name={current.levelName}
          size="small"
        />
        <span aria-hidden>→</span>
        <LevelBadge level={draft.level} name={draft.levelName} size="small" />
        <Typography variant="body2" data-testid="whatif-level">
          {current.level} → {draft.level}, score {current.score} → {draft.score}
        </Typography>
      </Box>
      {changes.length === 0 ? (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          No check changes status.
        </Typography>
      ) : (
        <Box component="ul" mt={1} mb={0} pl={2.5} data-testid="whatif-changes">
          {changes.map(c => (
            <li key={c.id}>
              <strong>{c.id}</strong> {c.title}:{' '}
              {c.before ? <CheckStatusLabel status={c.before} /> : 'absent'} →{' '}
              {c.after ? <CheckStatusLabel status={c.after} /> : 'absent'}
            </li>
          ))}
        </Box>
      )}
      {draft.nextLevel && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          Still blocking {draft.nextLevel.level}:{' '}
          {blockersText(
            draft.nextLevel.blockers,
            id =>
              draft.dimensions.flatMap(d => d.checks).find(c => c.id === id)
                ?.title,
          )}
        </Typography>
      )}
    </Box>
  );
}

/**
 * "Preview a change": the entity's YAML in an editor, re-evaluated against
 * the live catalog (POST /evaluate) as the owner types, with the level, the
 * score and the checks that change against the stored scorecard.
 *
 * @public
 */
export function WhatIfEditor(props: {
  entity: Entity;
  scorecard: Scorecard;
  editLink?: { url: string; label: string };
}) {
  const { entity, scorecard, editLink } = props;
  const api = useApi(aiReadinessApiRef);
  const [open, setOpen] = useState(false);
  const initial = useMemo(() => draftYamlOf(entity), [entity]);
  const [text, setText] = useState(initial);
  const [evaluation, setEvaluation] = useState<EvaluationState>({
    state: 'idle',
  });
  const latest = useRef(0);

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    if (!open) return undefined;
    const id = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setEvaluation(s => ({ state: 'pending', last: lastAnswer(s) }));
      api.evaluate({ yaml: text }, { signal: controller.signal }).then(
        answer => {
          // An answer to an older draft is dropped.
          if (id === latest.current) setEvaluation({ state: 'done', answer });
        },
        error => {
          if (id === latest.current && !controller.signal.aborted)
            setEvaluation(s => ({
              state: 'failed',
              error,
              last: lastAnswer(s),
            }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, text, open]);

  const answer = lastAnswer(evaluation);
  const ref = entityRefKey(entity);
  const draft = answer?.scorecards.find(c => entityRefKey(c.entityRef) === ref);
  const fixAll = useCallback(
    () =>
      setText(t => applyRemediations(t, mergeRemediations(draft ?? scorecard))),
    [draft, scorecard],
  );

  if (!open) {
    return (
      <InfoCard title="Preview a change">
        <Typography variant="body2" paragraph>
          Edit this entity's YAML and see its readiness against the live catalog
          before you commit: nothing is stored.
        </Typography>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => setOpen(true)}
        >
          Preview a change
        </Button>
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Preview a change" subheader="Nothing is stored">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={1}>
        <Button size="small" variant="outlined" onClick={fixAll}>
          Fix all
        </Button>
        <CopyButton text={text} label="Copy YAML" />
        <Button size="small" onClick={() => setText(initial)}>
          Reset
        </Button>
        {editLink && <SafeLink url={editLink.url}>{editLink.label}</SafeLink>}
      </Box>
      <YamlEditor
        value={text}
        onChange={setText}
        label="Draft catalog-info.yaml"
      />
      <Box mt={2} aria-live="polite">
        {evaluation.state === 'pending' && (
          <Typography variant="caption" color="textSecondary">
            Evaluating…
          </Typography>
        )}
        {evaluation.state === 'failed' && (
          <Alert severity="warning">
            Could not evaluate the draft: {evaluation.error.message}
          </Alert>
        )}
        {answer && <ErrorsList errors={answer.errors} />}
        {answer && draft && <Comparison current={scorecard} draft={draft} />}
        {answer && !draft && answer.errors.length === 0 && (
          <Typography variant="body2">
            The draft of {ref} is not scored as an AI pilot.
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
