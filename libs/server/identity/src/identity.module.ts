import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActorResolver } from '@cascade/server/core';
import { AuthService } from './auth.service';
import { Department } from './department.entity';
import { DepartmentsService } from './departments.service';
import { DepartmentsRepository, OrganizationsRepository, UsersRepository } from './identity.repositories';
import { LoginLimits } from './login-limits';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';
import { PasswordToken } from './password-token.entity';
import { PasswordsService } from './passwords.service';
import { RefreshToken } from './refresh-token.entity';
import { TrainerAssignment } from './trainer-assignment.entity';
import { User } from './user.entity';
import { UserImportService } from './user-import.service';
import { UsersService } from './users.service';

export const IDENTITY_ENTITIES = [Organization, Department, User, TrainerAssignment, RefreshToken, PasswordToken];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  providers: [
    OrganizationsRepository,
    DepartmentsRepository,
    UsersRepository,
    OrganizationsService,
    DepartmentsService,
    UsersService,
    UserImportService,
    AuthService,
    LoginLimits,
    PasswordsService,
    { provide: ActorResolver, useExisting: AuthService },
  ],
  exports: [
    OrganizationsService,
    DepartmentsService,
    UsersService,
    UserImportService,
    AuthService,
    PasswordsService,
    ActorResolver,
    UsersRepository,
  ],
})
export class IdentityModule {}
