import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages render the whole app shell; on a shared 2-core CI machine running
// several jest workers, the first render can take longer than the library's
// default 1 s wait for `findBy…`. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

// Tests render in Backstage's test app, whose MemoryRouter sets no React
// Router future flags: every render warned about v7's changes. Opt in to
// them, as an app on React Router 6.30 does.
jest.mock('react-router-dom', () => {
  const actual = jest.requireActual('react-router-dom');
  const { createElement } = jest.requireActual('react');
  return {
    ...actual,
    MemoryRouter: (props: any) =>
      createElement(actual.MemoryRouter, {
        ...props,
        future: {
          v7_startTransition: true,
          v7_relativeSplatPath: true,
          ...props.future,
        },
      }),
  };
});

// jsdom lays nothing out and has no Range.getClientRects: the what-if
// editor's CodeMirror measures text ranges on every animation frame and
// logged a TypeError for each. Empty rectangles, as an unrendered range has.
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const empty = {
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    top: 0,
    right: 0,
    bottom: 0,
    left: 0,
  };
  Range.prototype.getBoundingClientRect = () =>
    ({ ...empty, toJSON: () => empty } as DOMRect);
  Range.prototype.getClientRects = () =>
    Object.assign([], { item: () => null }) as unknown as DOMRectList;
}
