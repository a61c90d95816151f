import type { CascadeLineage, LineageNode } from '@cascade/contracts';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Chip, IconButton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

const LEVEL_COLORS = { vendor: 'secondary', internal_trainer: 'primary', end_user: 'default' } as const;
/** End users beyond this many under one trainer fold behind a "show all" line, so a large client stays readable. */
const FOLD_AFTER = 12;

const Node = ({ node }: { node: LineageNode }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(node.level !== 'internal_trainer' || node.children.length <= FOLD_AFTER);
  const [all, setAll] = useState(false);
  const children = all ? node.children : node.children.slice(0, FOLD_AFTER);
  return (
    <Box component="li" sx={{ listStyle: 'none' }} data-testid={`lineage-${node.level}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', py: 0.25 }}>
        {node.children.length > 0 ? (
          <IconButton
            size="small"
            onClick={() => setOpen(!open)}
            aria-label={translate(open ? 'cascade.lineage.collapse' : 'cascade.lineage.expand')}
          >
            {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
          </IconButton>
        ) : (
          <Box sx={{ width: 34 }} />
        )}
        <Typography component={RouterLink} to={`/users/${node.userId}/show`} sx={{ fontWeight: 600, color: 'inherit' }}>
          {node.name}
        </Typography>
        <Chip size="small" color={LEVEL_COLORS[node.level]} label={translate(`cascade.lineage.level.${node.level}`)} />
        {node.isKeyUser && <Chip size="small" variant="outlined" label={translate('cascade.lineage.key_user')} />}
        <Typography variant="body2" color="text.secondary">
          {[
            node.sessionsLed ? translate('cascade.lineage.led', { smart_count: node.sessionsLed }) : null,
            node.sessionsAttended
              ? translate('cascade.lineage.attended', { smart_count: node.sessionsAttended })
              : null,
            node.children.length ? translate('cascade.lineage.trained', { smart_count: node.children.length }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Stack>
      {open && node.children.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: { xs: 2, sm: 4 }, borderLeft: 1, borderColor: 'divider', ml: 2 }}>
          {children.map((child) => (
            <Node key={child.userId} node={child} />
          ))}
          {!all && node.children.length > FOLD_AFTER && (
            <Box component="li" sx={{ listStyle: 'none', pl: 5 }}>
              <Typography
                component="button"
                variant="body2"
                onClick={() => setAll(true)}
                sx={{ border: 0, background: 'none', color: 'primary.main', cursor: 'pointer', p: 0 }}
              >
                {translate('cascade.lineage.show_all', { smart_count: node.children.length })}
              </Typography>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};

/** Vendor consultants → internal trainers → end users, as an indented tree with counts per level. */
export const LineageTree = ({ lineage }: { lineage: CascadeLineage }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} data-testid="lineage-counts">
        {(['vendor', 'internal_trainer', 'end_user'] as const).map((level) => (
          <Chip
            key={level}
            color={LEVEL_COLORS[level]}
            variant="outlined"
            label={`${translate(`cascade.lineage.level.${level}`)}: ${lineage.counts[level]}`}
          />
        ))}
      </Stack>
      {lineage.roots.length === 0 ? (
        <Typography color="text.secondary">{translate('cascade.lineage.empty')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0 }}>
          {lineage.roots.map((root) => (
            <Node key={root.userId} node={root} />
          ))}
        </Box>
      )}
    </Box>
  );
};
