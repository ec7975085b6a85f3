import {
  findSkeletonMarker,
  mayBeCatalogData,
  mayBeTemplateEntity,
} from './skeleton';

describe('findSkeletonMarker', () => {
  it.each([
    ['name: ${{ values.name }}\n', '${{', 1],
    ['a: 1\n{%- if values.x %}\nb: 2\n{% endif %}\n', '{%', 2],
    ['a: 1\nb: 2\nname: {{ values.name }}-api\n', '{{ values.', 3],
    ['owner: {{parameters.owner}}\n', '{{ parameters.', 1],
    // The earliest marker in the text wins.
    ['x: {{ values.a }}\ny: ${{ values.b }}\n', '{{ values.', 1],
  ])('finds template syntax in %j', (text, marker, line) => {
    expect(findSkeletonMarker(text)).toEqual({ marker, line });
  });

  it.each([
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n',
    // Braces and dollars that are not template syntax.
    'description: "costs $5 {per call}"\nquery: "{{ user }}"\n',
  ])('finds nothing in plain catalog data %#', text => {
    expect(findSkeletonMarker(text)).toBeUndefined();
  });
});

describe('mayBeTemplateEntity', () => {
  it('spots a kind: Template document', () => {
    expect(mayBeTemplateEntity('apiVersion: x/v1\nkind: Template\n')).toBe(
      true,
    );
    expect(mayBeTemplateEntity('kind: "Template" # scaffolder\n')).toBe(true);
    expect(mayBeTemplateEntity('kind: Component\n')).toBe(false);
    expect(mayBeTemplateEntity('  kind: Template\n')).toBe(false);
  });
});

describe('mayBeCatalogData', () => {
  it('needs a top-level apiVersion or kind key', () => {
    expect(
      mayBeCatalogData(
        '{%- if values.x %}\napiVersion: backstage.io/v1alpha1\n',
      ),
    ).toBe(true);
    expect(mayBeCatalogData('a: 1\nkind: Component\n')).toBe(true);
    // A GitHub composite action: template syntax, but no catalog keys.
    expect(
      mayBeCatalogData(
        'runs:\n  using: composite\n  steps:\n    - kind: x\n      run: echo ${{ inputs.v }}\n',
      ),
    ).toBe(false);
  });
});
