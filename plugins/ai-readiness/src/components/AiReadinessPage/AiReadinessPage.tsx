import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  DIMENSION_IDS,
  DIMENSION_TITLES,
  LEVEL_NAMES,
  READINESS_LEVELS,
  RubricDescription,
  SCOPE_RULES,
} from '@ai-readiness/plugin-ai-readiness-common';
import { download } from '../../lib/download';
import { aiReadinessApiRef } from '../../api';
import { PilotTable } from './PilotTable';
import { RefutedEvidenceFilter } from '../RefutedEvidenceFilter';
import { SCOPE_RULE_LABELS } from '../PilotScopeNote';
import {
  Heatmap,
  LevelDistribution,
  TopGapsList,
  isEntityRef,
  shortRef,
} from './SummaryPanels';
import { PageState, toQuery, usePageState } from './useScorecardQuery';

const DEBOUNCE_MS = 300;

type SelectOption = { value: string; label: string };

/** Options of a select: each value with its label. */
function optionsOf<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
): SelectOption[] {
  return values.map(value => ({ value, label: label(value) }));
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
}) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 170 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        value={props.value}
        label={props.label}
        onChange={e => props.onChange(String(e.target.value))}
        data-testid={`filter-${props.id}`}
      >
        <MenuItem value="">
          <em>Any</em>
        </MenuItem>
        {props.options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** The empty page's advice, in the configured prefix and scope (GET /rubric). */
function howToMarkAPilot(rubric?: RubricDescription): string {
  const intro = 'The backend has not scored any AI pilot.';
  if (!rubric)
    return `${intro} Mark an entity as a pilot, then wait for the next evaluation.`;
  const type = rubric.scope?.types[0];
  const tag = rubric.scope?.tags[0];
  const ways = [
    ...(type ? [`spec.type ${type}`] : []),
    ...(tag ? [`a tag such as ${tag}`] : []),
    `the annotation ${rubric.annotationPrefix}enabled: "true"`,
  ];
  return `${intro} Mark a Component as a pilot with ${ways.join(
    ', or ',
  )}, then wait for the next evaluation.`;
}

/**
 * The org-wide page: every AI pilot the user may see, filtered, sorted and
 * paged by the backend, with a teams × dimensions heatmap, the level
 * distribution, the most frequent gaps and a CSV export.
 *
 * @public
 */
export function AiReadinessPage() {
  const api = useApi(aiReadinessApiRef);
  const alertApi = useApi(alertApiRef);
  const [state, update] = usePageState();

  // The text filter is debounced: typing does not send a request per key.
  const [qInput, setQInput] = useState(state.q);
  useEffect(() => setQInput(state.q), [state.q]);
  useDebounce(
    () => {
      if (qInput.trim() !== state.q) update({ q: qInput.trim() });
    },
    DEBOUNCE_MS,
    [qInput],
  );

  // Three org-wide views: by level (distribution and top gaps), by owner
  // (heatmap, owner choices; groups roll sub-teams up into their parents, so
  // their counts overlap) and by system (system choices).
  const byLevel = useAsync(() => api.getSummary('level'), [api]);
  const byOwner = useAsync(() => api.getSummary('owner'), [api]);
  const bySystem = useAsync(() => api.getSummary('system'), [api]);
  const rubric = useAsync(() => api.getRubric(), [api]);

  const queryKey = JSON.stringify(toQuery(state));
  const list = useAsync(
    () => api.listScorecards(JSON.parse(queryKey)),
    [api, queryKey],
  );

  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      const { limit, offset, ...filters } = toQuery(state);
      download(await api.exportCsv(filters), 'ai-readiness.csv');
    } catch (e) {
      alertApi.post({
        message: `Export failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  const owners = (byOwner.value?.groups ?? [])
    .map(g => g.key)
    .filter(isEntityRef)
    .sort((a, b) => shortRef(a).localeCompare(shortRef(b)));
  const systems = (bySystem.value?.groups ?? [])
    .map(g => g.key)
    .filter(isEntityRef)
    .sort((a, b) => shortRef(a, 'system').localeCompare(shortRef(b, 'system')));
  // Keep a value chosen through the URL selectable even if not in the summary.
  if (state.owner && !owners.includes(state.owner)) owners.unshift(state.owner);
  if (state.system && !systems.includes(state.system))
    systems.unshift(state.system);

  const filtersActive =
    state.owner ||
    state.system ||
    state.level ||
    state.dimension ||
    state.evidence ||
    state.q ||
    state.offTarget ||
    state.scope;
  const clear = () => {
    setQInput('');
    update({
      owner: '',
      system: '',
      level: '',
      dimension: '',
      evidence: '',
      q: '',
      offTarget: '',
      scope: '',
    });
  };
  const set = (patch: Partial<PageState>) => update(patch);
  /** The select filters of the pilot table, in display order. */
  const filterSelects: {
    id: 'owner' | 'system' | 'level' | 'dimension' | 'scope';
    label: string;
    options: SelectOption[];
  }[] = [
    { id: 'owner', label: 'Owner', options: optionsOf(owners, shortRef) },
    {
      id: 'system',
      label: 'System',
      options: optionsOf(systems, s => shortRef(s, 'system')),
    },
    {
      id: 'level',
      label: 'Level',
      options: optionsOf(READINESS_LEVELS, l => `${l} · ${LEVEL_NAMES[l]}`),
    },
    {
      id: 'dimension',
      label: 'Failing dimension',
      options: optionsOf(DIMENSION_IDS, d => DIMENSION_TITLES[d]),
    },
    {
      id: 'scope',
      label: 'Why in scope',
      options: optionsOf(SCOPE_RULES, r => SCOPE_RULE_LABELS[r]),
    },
  ];

  const noPilotsAtAll =
    byLevel.value &&
    byLevel.value.groups.every(g => g.count === 0) &&
    !filtersActive;

  return (
    <Page themeId="tool">
      <Header
        title="AI readiness"
        subtitle="Readiness scorecards of every AI pilot in the catalog"
      />
      <Content>
        <ContentHeader title="Across the organisation" />
        {noPilotsAtAll ? (
          <EmptyState
            missing="data"
            title="No AI pilots scored yet"
            description={howToMarkAPilot(rubric.value)}
          />
        ) : (
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <InfoCard title="Levels">
                {byLevel.loading && <Progress />}
                {byLevel.error && <ResponseErrorPanel error={byLevel.error} />}
                {byLevel.value && <LevelDistribution summary={byLevel.value} />}
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard title="Most often failing checks">
                {byLevel.loading && <Progress />}
                {byLevel.value && (
                  <TopGapsList summary={byLevel.value} rubric={rubric.value} />
                )}
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="Teams × dimensions"
                subheader="Mean dimension score of each team's pilots; a parent group includes its sub-teams. Select a team to filter the table to its pilots, sub-teams included."
              >
                {byOwner.loading && <Progress />}
                {byOwner.error && <ResponseErrorPanel error={byOwner.error} />}
                {byOwner.value && (
                  <Heatmap
                    summary={byOwner.value}
                    onSelectOwner={owner => set({ owner })}
                  />
                )}
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Pilots">
                <Box
                  display="flex"
                  flexWrap="wrap"
                  alignItems="center"
                  style={{ gap: 12 }}
                  mb={2}
                >
                  <TextField
                    label="Search"
                    variant="outlined"
                    size="small"
                    value={qInput}
                    onChange={e => setQInput(e.target.value)}
                    inputProps={{
                      'aria-label': 'Search pilots',
                      maxLength: 200,
                    }}
                  />
                  {filterSelects.map(f => (
                    <FilterSelect
                      key={f.id}
                      id={f.id}
                      label={f.label}
                      value={state[f.id]}
                      options={f.options}
                      onChange={value => set({ [f.id]: value })}
                    />
                  ))}
                  <RefutedEvidenceFilter
                    checked={state.evidence === 'refuted'}
                    onChange={on => set({ evidence: on ? 'refuted' : '' })}
                  />
                  <FilterSelect
                    id="offTarget"
                    label="Target"
                    value={state.offTarget}
                    options={[
                      { value: 'true', label: 'Off target' },
                      { value: 'false', label: 'On target or none' },
                    ]}
                    onChange={offTarget =>
                      set({ offTarget: offTarget as PageState['offTarget'] })
                    }
                  />
                  {filtersActive && (
                    <Button onClick={clear}>Clear filters</Button>
                  )}
                  <Box flexGrow={1} />
                  <Button
                    variant="outlined"
                    startIcon={<GetAppIcon />}
                    onClick={onExport}
                    disabled={exporting}
                  >
                    {exporting ? 'Exporting…' : 'Export CSV'}
                  </Button>
                </Box>
                {list.error && <ResponseErrorPanel error={list.error} />}
                {!list.error && !list.value && list.loading && <Progress />}
                {list.value && (
                  <PilotTable
                    data={list.value}
                    loading={list.loading}
                    state={state}
                    onChange={set}
                  />
                )}
              </InfoCard>
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
