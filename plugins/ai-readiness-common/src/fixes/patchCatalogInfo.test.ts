import { createReadinessEngine } from '../engine';
import { patchCatalogInfo } from './patchCatalogInfo';
import { CatalogInfoPatchRefusedError, FixRemediation } from './types';

// The rubric's own remediation snippets: the shapes the patcher meets.
const rubric = createReadinessEngine().describeRubric();
function fix(checkId: string, replace = false): FixRemediation {
  const check = rubric.checks.find(c => c.id === checkId)!;
  return { checkId, yaml: check.remediation!.yaml, replace };
}
const BUSINESS_OWNER = fix('OWN-2'); // metadata.annotations
const RACI = fix('OWN-4'); // metadata.links
const LLM_GATEWAY = fix('INT-3'); // spec.dependsOn
const RISK_TIER = fix('SEC-1'); // metadata.annotations
const OWNER_TEAM = fix('OWN-1'); // spec.owner
const LABEL: FixRemediation = {
  checkId: 'X-1',
  yaml: 'metadata:\n  labels:\n    tier: gold\n',
};

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('patchCatalogInfo', () => {
  it('patches the second document of a multi-document file, merging into annotations, labels, links and spec, every other byte kept', () => {
    const text = lines(
      "# The claims team's entities",
      'apiVersion: backstage.io/v1alpha1',
      'kind: System',
      'metadata:',
      '  name: claims',
      'spec:',
      '  owner: group:default/claims',
      '---',
      '# The pilot, reviewed every quarter',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: claims-triage',
      "  title: 'Claims triage'",
      '  annotations:',
      '    backstage.io/techdocs-ref: dir:. # docs next to the code',
      '    # the model card lives in the wiki',
      '  labels:',
      '    team: "claims"',
      '  links:',
      '    - url: https://wiki.example.com/triage',
      '      title: Wiki',
      'spec:',
      '  type: service',
      '  owner: group:default/ml',
      '  dependsOn:',
      '    - resource:default/claims-db',
      '# what follows is the API',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: API',
      'metadata: { name: claims-api }',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:default/claims-triage',
      remediations: [BUSINESS_OWNER, RACI, LLM_GATEWAY, LABEL],
    });
    expect(result.text).toBe(
      lines(
        "# The claims team's entities",
        'apiVersion: backstage.io/v1alpha1',
        'kind: System',
        'metadata:',
        '  name: claims',
        'spec:',
        '  owner: group:default/claims',
        '---',
        '# The pilot, reviewed every quarter',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: claims-triage',
        "  title: 'Claims triage'",
        '  annotations:',
        '    backstage.io/techdocs-ref: dir:. # docs next to the code',
        '    ai-readiness/business-owner: user:default/jane.doe',
        '    # the model card lives in the wiki',
        '  labels:',
        '    team: "claims"',
        '    tier: gold',
        '  links:',
        '    - url: https://wiki.example.com/triage',
        '      title: Wiki',
        '    - url: https://wiki.example.com/my-pilot/raci',
        '      title: RACI',
        '      type: raci',
        'spec:',
        '  type: service',
        '  owner: group:default/ml',
        '  dependsOn:',
        '    - resource:default/claims-db',
        '    - component:default/llm-gateway',
        '# what follows is the API',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata: { name: claims-api }',
      ),
    );
    expect(result.checks).toEqual(['OWN-2', 'OWN-4', 'INT-3', 'X-1']);
    expect(result.notes).toEqual([]);
  });

  it('extends flow-style links and labels written on one line', () => {
    const text = lines(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: claims-bot',
      '  labels: {}',
      "  links: [{ url: 'https://wiki.example.com/bot', title: Wiki }]",
      'spec: { type: service, owner: group:default/ml }',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'claims-bot',
      remediations: [RACI, LABEL, LLM_GATEWAY],
    });
    expect(result.text).toBe(
      lines(
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: claims-bot',
        '  labels: { tier: gold }',
        "  links: [{ url: 'https://wiki.example.com/bot', title: Wiki }, { url: https://wiki.example.com/my-pilot/raci, title: RACI, type: raci }]",
        'spec: { type: service, owner: group:default/ml, dependsOn: [ component:default/llm-gateway ] }',
      ),
    );
  });

  it('keeps CRLF line endings and adds the annotations map where there is none', () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: claims-bot # the bot',
      'spec:',
      '  owner: group:default/ml',
      '',
    ].join('\r\n');
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:default/claims-bot',
      remediations: [BUSINESS_OWNER, RISK_TIER],
    });
    expect(result.text).toBe(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: claims-bot # the bot',
        '  annotations:',
        '    ai-readiness/business-owner: user:default/jane.doe',
        '    ai-readiness/risk-tier: limited',
        'spec:',
        '  owner: group:default/ml',
        '',
      ].join('\r\n'),
    );
  });

  it("follows the file's indentation, unindented lists and anchors", () => {
    const text = lines(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: &meta',
      '    name: claims-bot',
      '    annotations: &notes',
      '        backstage.io/techdocs-ref: dir:.',
      '    links:',
      '    - url: https://wiki.example.com/bot',
      '      title: Wiki',
      'spec:',
      '    owner: group:default/ml',
      '    type: service',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:claims-bot',
      remediations: [BUSINESS_OWNER, RACI],
    });
    expect(result.text).toBe(
      lines(
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: &meta',
        '    name: claims-bot',
        '    annotations: &notes',
        '        backstage.io/techdocs-ref: dir:.',
        '        ai-readiness/business-owner: user:default/jane.doe',
        '    links:',
        '    - url: https://wiki.example.com/bot',
        '      title: Wiki',
        '    - url: https://wiki.example.com/my-pilot/raci',
        '      title: RACI',
        '      type: raci',
        'spec:',
        '    owner: group:default/ml',
        '    type: service',
      ),
    );
  });

  it('never writes a key twice: a value already there is kept, with a note', () => {
    const text = lines(
      'kind: Component',
      'metadata:',
      '  name: claims-bot',
      '  annotations:',
      '    ai-readiness/business-owner: user:default/jane.doe',
      '    ai-readiness/risk-tier: "unknown" # to decide',
      'spec:',
      '  owner: group:default/ml',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:claims-bot',
      remediations: [BUSINESS_OWNER, RISK_TIER, OWNER_TEAM],
    });
    expect(result.text).toBe(text);
    expect(result.checks).toEqual([]);
    expect(result.notes).toEqual([
      'OWN-2: the file already holds this change',
      'SEC-1: metadata.annotations.ai-readiness/risk-tier is already set ("unknown"); left as it is',
      'OWN-1: spec.owner is already set (group:default/ml); left as it is',
    ]);
  });

  it('replaces a malformed value when asked, keeping its comment', () => {
    const text = lines(
      'kind: Component',
      'metadata:',
      '  name: claims-bot',
      '  annotations:',
      '    ai-readiness/risk-tier: "unknown" # to decide',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:claims-bot',
      remediations: [fix('SEC-1', true)],
    });
    expect(result.text).toBe(
      lines(
        'kind: Component',
        'metadata:',
        '  name: claims-bot',
        '  annotations:',
        '    ai-readiness/risk-tier: limited # to decide',
      ),
    );
    expect(result.notes).toEqual([
      'SEC-1: metadata.annotations.ai-readiness/risk-tier: "unknown" replaced by limited',
    ]);
  });

  it('fills `annotations:` left empty', () => {
    const text = lines(
      'kind: Component',
      'metadata:',
      '  name: claims-bot',
      '  annotations: # none yet',
      'spec:',
      '  owner:',
    );
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:claims-bot',
      remediations: [BUSINESS_OWNER, OWNER_TEAM],
    });
    expect(result.text).toBe(
      lines(
        'kind: Component',
        'metadata:',
        '  name: claims-bot',
        '  annotations: # none yet',
        '    ai-readiness/business-owner: user:default/jane.doe',
        'spec:',
        '  owner: group:default/my-team',
      ),
    );
  });

  it('leaves out remediations that belong to another entity, with a note', () => {
    const text = lines('kind: Component', 'metadata:', '  name: claims-bot');
    const result = patchCatalogInfo({
      text,
      entityRef: 'component:claims-bot',
      remediations: [fix('OWN-3')],
    });
    expect(result.text).toBe(text);
    expect(result.notes).toEqual([
      'OWN-3: the change belongs in another entity (Group my-team); not applied',
    ]);
  });

  describe('refuses, saying why', () => {
    const refusal = (text: string, entityRef = 'component:claims-bot') => {
      try {
        patchCatalogInfo({ text, entityRef, remediations: [BUSINESS_OWNER] });
      } catch (error) {
        expect(error).toBeInstanceOf(CatalogInfoPatchRefusedError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };

    it('a flow-style map written over several lines', () => {
      expect(
        refusal(
          lines(
            'kind: Component',
            'metadata:',
            '  name: claims-bot',
            '  annotations: {',
            '    backstage.io/techdocs-ref: "dir:."',
            '  }',
          ),
        ),
      ).toBe(
        'metadata.annotations is a flow-style map written over several lines; it cannot be extended safely, edit it by hand',
      );
    });

    it('a templated file', () => {
      expect(
        refusal(
          lines('kind: Component', 'metadata:', '  name: ${{ values.name }}'),
        ),
      ).toBe(
        'the file is a template (it holds "${{"), not catalog data as it stands; patch the template by hand',
      );
    });

    it('an entity the file does not define', () => {
      expect(
        refusal(lines('kind: Component', 'metadata:', '  name: other-bot')),
      ).toBe('no document of the file defines component:claims-bot');
    });

    it('an alias on the way', () => {
      expect(
        refusal(
          lines(
            'kind: Component',
            'metadata:',
            '  name: claims-bot',
            '  annotations: *shared',
          ).replace('kind', 'x: &shared { a: b }\nkind'),
        ),
      ).toBe(
        'metadata.annotations is an alias (*shared); edit the anchored value by hand',
      );
    });

    it('a merge key', () => {
      expect(
        refusal(
          lines(
            'kind: Component',
            'metadata:',
            '  name: claims-bot',
            '  annotations:',
            '    <<: { a: b }',
          ),
        ),
      ).toBe('metadata.annotations uses a merge key (<<); edit it by hand');
    });
  });
});
