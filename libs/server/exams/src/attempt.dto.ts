import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, Max, Min } from 'class-validator';

export class SaveAnswerDto {
  @ApiProperty({ description: 'shape depends on the question type' })
  @IsDefined()
  response!: unknown;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  seq!: number;
}
