export * from './qualification-evaluation';
