import { ChangePasswordRequest, ForgotPasswordRequest, ResetPasswordRequest } from '@cascade/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

// The strength rule (length and guessability) answers 422 in the user's language; these only bound the input.
export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 10, maxLength: 128, description: 'zxcvbn score 3 or more' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  newPassword!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'the token from the emailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 10, maxLength: 128, description: 'zxcvbn score 3 or more' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  newPassword!: string;
}
