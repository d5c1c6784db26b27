import { describe, expect, it } from 'vitest';
import { bindUseCases } from './use-cases.ts';

describe('bindUseCases', () => {
  it('calls each use case with the core first and the caller’s arguments after it', async () => {
    const core = { greeting: '你好' };
    const greet = (c: typeof core, name: string) => `${c.greeting}，${name}`;
    const later = async (c: typeof core, a: number, b: number) => `${c.greeting} ${a + b}`;
    const service = bindUseCases(core, { greet, later });
    expect(service.greet('张伟')).toBe('你好，张伟');
    expect(await service.later(1, 2)).toBe('你好 3');
    expect(Object.keys(service)).toEqual(['greet', 'later']);
  });
});
