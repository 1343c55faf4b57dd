import { useTranslation } from 'react-i18next';
import { type TerritoryCollection, type TerritoryFeature, gridsOf, pathOf } from './territory.ts';

interface GridSelectProps {
  territory: TerritoryCollection;
  value: string;
  nameOf(f: TerritoryFeature): string;
  onChange(code: string): void;
}

/** Grids grouped by street and community, for keyboard and screen-reader users. */
export function GridSelect({ territory, value, nameOf, onChange }: GridSelectProps) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('citizen.map.byGridPlaceholder')}</option>
      <GridOptions territory={territory} nameOf={nameOf} />
    </select>
  );
}

/** A grid picker's options, one group per community labelled with its street (the console's accept dialog uses them too). */
export function GridOptions({ territory, nameOf }: { territory: TerritoryCollection; nameOf(f: TerritoryFeature): string }) {
  const communities = territory.features.filter((f) => f.properties.level === 'community');
  return (
    <>
      {communities.map((community) => (
        <optgroup key={community.id} label={pathOf(territory, community).map(nameOf).join(' · ')}>
          {gridsOf(territory)
            .filter((g) => g.properties.parentCode === community.properties.code)
            .map((grid) => (
              <option key={grid.id} value={grid.properties.code}>
                {nameOf(grid)}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
