export * from './auth.dto';
export * from './department.dto';
export * from './organization.dto';
export * from './user.dto';
export * from './password.dto';
