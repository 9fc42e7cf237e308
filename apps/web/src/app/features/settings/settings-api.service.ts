import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { MunicipalitySettings, UpdateMunicipalitySettingsRequest } from '@mentor/domain';
import { Observable } from 'rxjs';

/** The municipality's settings (administrator). */
@Injectable({ providedIn: 'root' })
export class SettingsApiService {
  private readonly http = inject(HttpClient);

  get(): Observable<MunicipalitySettings> {
    return this.http.get<MunicipalitySettings>('/api/municipality/settings');
  }

  /** 409 when changed since it was read. */
  update(body: UpdateMunicipalitySettingsRequest): Observable<MunicipalitySettings> {
    return this.http.patch<MunicipalitySettings>('/api/municipality/settings', body);
  }
}
