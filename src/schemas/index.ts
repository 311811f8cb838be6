export * from './partial-date.ts';
export * from './person.ts';
export * from './document.ts';
export * from './course.ts';
export * from './site.ts';
export { EXPECT_PREFIX, expectations, type Expectation } from './expect.ts';
