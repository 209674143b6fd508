import { issuesAt, unplacedIssues } from './field-issues';
import { insertAtCaret } from './insert-variable';

const details = [
  { field: 'body.title', issue: 'a' },
  { field: 'body.keywords.2', issue: 'b' },
  { field: 'body.layers.1', issue: 'c' },
  { field: 'body.layers.10.x', issue: 'd' },
];

describe('issuesAt', () => {
  it('matches the exact path, and paths inside it only when asked', () => {
    expect(issuesAt(details, 'body.keywords')).toEqual([]);
    expect(issuesAt(details, 'body.keywords', true).map((d) => d.issue)).toEqual(['b']);
    // body.layers.1 must not take body.layers.10's issues.
    expect(issuesAt(details, 'body.layers.1', true).map((d) => d.issue)).toEqual(['c']);
  });
});

describe('unplacedIssues', () => {
  it('keeps what no field on screen shows', () => {
    expect(unplacedIssues(details, [{ field: 'body.title' }, { field: 'body.keywords', nested: true }, { field: 'body.layers.1' }]).map((d) => d.field)).toEqual(['body.layers.10.x']);
  });
});

describe('insertAtCaret', () => {
  it('replaces the selection and puts the caret after the token; no caret means the end', () => {
    expect(insertAtCaret('您好朋友', '{{x}}', 2, 4)).toEqual({ value: '您好{{x}}', caret: 7 });
    expect(insertAtCaret('ab', 'X', null, null)).toEqual({ value: 'abX', caret: 3 });
  });
});
