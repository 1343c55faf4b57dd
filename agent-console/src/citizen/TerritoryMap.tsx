import { type MouseEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GridSelect } from './GridSelect.tsx';
import { type LonLat, type TerritoryCollection, type TerritoryFeature, centreOf, gridAt, gridsOf, pathOf, projectionFor, round6 } from './territory.ts';
import { TerritorySvg } from './TerritorySvg.tsx';

export interface PickedPlace {
  point: LonLat;
  grid: TerritoryFeature;
}

interface TerritoryMapProps {
  territory: TerritoryCollection;
  value: PickedPlace | null;
  onChange(place: PickedPlace | null): void;
}

/**
 * The district drawn as inline SVG (no map tiles: nothing outside the hotline is reachable).
 * A click picks a point; the list of grids below does the same from the keyboard.
 */
export function TerritoryMap({ territory, value, onChange }: TerritoryMapProps) {
  const { t, i18n } = useTranslation();
  const [outside, setOutside] = useState(false);
  const hintId = useId();
  const projection = useMemo(() => projectionFor(territory), [territory]);
  const nameOf = (f: TerritoryFeature) => (i18n.language === 'en' ? f.properties.nameEn : f.properties.name);

  function pick(point: LonLat) {
    const grid = gridAt(territory, point);
    setOutside(!grid);
    if (grid) onChange({ point, grid });
  }

  function handleClick(event: MouseEvent<SVGSVGElement>) {
    // Screen pixels → SVG units → lon/lat, whatever size CSS gave the map.
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return;
    const { x, y } = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const { longitude, latitude } = projection.toLonLat(x, y);
    pick({ longitude: round6(longitude), latitude: round6(latitude) });
  }

  function handleGridChoice(code: string) {
    const grid = gridsOf(territory).find((g) => g.properties.code === code);
    if (grid) pick(centreOf(grid));
  }

  const pickedCode = value?.grid.properties.code;

  return (
    <div className="territory-map" data-testid="territory-map">
      <TerritorySvg
        territory={territory}
        projection={projection}
        gridClass={(grid) => (grid.properties.code === pickedCode ? 'map-grid is-picked' : 'map-grid')}
        marker={value?.point ?? null}
        ariaLabel={t('citizen.map.svgLabel')}
        describedBy={hintId}
        onClick={handleClick}
      />

      <div className="map-side">
        <p id={hintId} className="field-hint">
          {t('citizen.map.hint')} {t('citizen.map.legend')}
        </p>
        {outside && (
          <p className="field-error" role="alert">
            {t('citizen.map.outside')}
          </p>
        )}
        <label className="map-grid-select">
          <span>{t('citizen.map.byGrid')}</span>
          <GridSelect territory={territory} value={pickedCode ?? ''} nameOf={nameOf} onChange={handleGridChoice} />
        </label>
        <PickedPlaceNote territory={territory} value={value} nameOf={nameOf} onClear={() => onChange(null)} />
      </div>
    </div>
  );
}

interface PickedPlaceNoteProps {
  territory: TerritoryCollection;
  value: PickedPlace | null;
  nameOf(f: TerritoryFeature): string;
  onClear(): void;
}

/** What is picked, in words and coordinates, read out as it changes. */
function PickedPlaceNote({ territory, value, nameOf, onClear }: PickedPlaceNoteProps) {
  const { t } = useTranslation();
  return (
    <div className="picked-place" data-testid="picked-place" aria-live="polite">
      {value ? (
        <>
          <p>{t('citizen.map.picked', { place: pathOf(territory, value.grid).map(nameOf).join(' › ') })}</p>
          <p className="coordinates">
            {t('citizen.map.coordinates', { longitude: value.point.longitude.toFixed(5), latitude: value.point.latitude.toFixed(5) })}
          </p>
          <button type="button" className="button button-small" onClick={onClear}>
            {t('common.clear')}
          </button>
        </>
      ) : (
        <p className="muted">{t('citizen.map.none')}</p>
      )}
    </div>
  );
}
