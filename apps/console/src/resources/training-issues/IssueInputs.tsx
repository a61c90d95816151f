import { SelectInput, TextInput, maxLength, required } from 'react-admin';
import { issueCategoryChoices, issueSeverityChoices } from '../choices';

/** What the problem is: category, severity, a title and the full description. */
export const IssueDescriptionInputs = () => (
  <>
    <SelectInput source="category" choices={issueCategoryChoices} validate={required()} />
    <SelectInput source="severity" choices={issueSeverityChoices} validate={required()} />
    <TextInput source="title" validate={[required(), maxLength(200)]} />
    <TextInput source="description" multiline minRows={4} validate={required()} />
  </>
);
