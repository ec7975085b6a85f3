import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogFilePath, repositoryPath, sourceFileOf } from './sourceFile';

const config = new ConfigReader({
  catalog: {
    locations: [
      { type: 'file', target: '../../catalog-info.yaml' },
      { type: 'file', target: '../../examples/*.yaml' },
      { type: 'url', target: 'https://github.com/o/r/blob/main/all.yaml' },
    ],
  },
});
const CWD = '/srv/portal/packages/backend';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'bot', annotations },
});

describe('catalogFilePath', () => {
  it('shows a file of a file location under the folder the location names', () => {
    expect(
      catalogFilePath(config, '/srv/portal/examples/pilots-l1.yaml', CWD),
    ).toBe('examples/pilots-l1.yaml');
    expect(catalogFilePath(config, '/srv/portal/catalog-info.yaml', CWD)).toBe(
      'catalog-info.yaml',
    );
  });

  it('answers undefined for any other file', () => {
    expect(
      catalogFilePath(config, '/srv/portal/examples/sub/x.yaml', CWD),
    ).toBeUndefined();
    expect(catalogFilePath(config, '/etc/passwd', CWD)).toBeUndefined();
    expect(
      catalogFilePath(config, '/srv/portal/app-config.yaml', CWD),
    ).toBeUndefined();
  });
});

describe('sourceFileOf', () => {
  it('takes the managed-by location, else catalog-info.yaml in the source location', () => {
    expect(
      sourceFileOf(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/o/r/blob/main/deploy/catalog-info.yaml',
        }),
        'component:default/bot',
      ),
    ).toEqual({
      type: 'url',
      target: 'https://github.com/o/r/blob/main/deploy/catalog-info.yaml',
      path: 'deploy/catalog-info.yaml',
      notes: [],
    });
    expect(
      sourceFileOf(
        entity({
          'backstage.io/managed-by-location': 'provider:registry',
          'backstage.io/source-location':
            'url:https://gitlab.example.com/g/r/-/tree/main/svc/',
        }),
        'component:default/bot',
      ).target,
    ).toBe('https://gitlab.example.com/g/r/-/blob/main/svc/catalog-info.yaml');
  });

  it('names why there is no file', () => {
    expect(() => sourceFileOf(entity({}), 'component:default/bot')).toThrow(
      'component:default/bot has no source location (backstage.io/managed-by-location and backstage.io/source-location are not set)',
    );
  });
});

describe('repositoryPath', () => {
  it('reads the path in the repository from GitHub and GitLab blob URLs', () => {
    expect(repositoryPath('https://github.com/o/r/blob/main/a/b.yaml')).toBe(
      'a/b.yaml',
    );
    expect(
      repositoryPath('https://gitlab.example.com/g/s/r/-/blob/dev/c.yaml'),
    ).toBe('c.yaml');
  });
});
