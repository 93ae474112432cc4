package org.iom.ingest.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the projection to Ordnance Survey's published OSTN15 test points: ETRS89 latitude and
 * longitude (equal to WGS84 well within a tag's accuracy) from {@code
 * OSTN15_OSGM15_TestInput_ETRStoOSGB.txt} and the OSGB36 easting/northing OS gives for each in
 * {@code OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt}, both in the OSTN15 developer pack
 * (https://www.ordnancesurvey.co.uk/geodesy-positioning/coordinate-transformations/resources;
 * Contains OS data, Crown copyright and database rights). OSTN15 is a grid of measured shifts;
 * {@link BritishNationalGrid} uses the 7-parameter Helmert approximation, so it must agree to
 * within 5 m over all of Great Britain, from the Scillies (TP01) to Shetland (TP40).
 */
class BritishNationalGridOsTestPointsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      TP01, 49.92226393730, -6.29977752014,  91492.146,   11318.804
      TP02, 49.96006137820, -5.20304609998, 170370.718,   11572.405
      TP03, 50.43885825610, -4.10864563561, 250359.811,   62016.569
      TP04, 50.57563665000, -1.29782277240, 449816.371,   75335.861
      TP05, 50.93127937910, -1.45051433700, 438710.920,  114792.250
      TP06, 51.40078220140, -3.55128349240, 292184.870,  168003.465
      TP07, 51.37447025550,  1.44454730409, 639821.835,  169565.858
      TP08, 51.42754743020, -2.54407618349, 362269.991,  169978.690
      TP09, 51.48936564950, -0.11992557180, 530624.974,  178388.464
      TP10, 51.85890896400, -4.30852476960, 241124.584,  220332.641
      TP11, 51.89436637250,  0.89724327012, 599445.590,  225722.826
      TP12, 52.25529381630, -2.15458614387, 389544.190,  261912.153
      TP13, 52.25160951230, -0.91248956970, 474335.969,  262047.755
      TP14, 52.75136687170,  0.40153547065, 562180.547,  319784.995
      TP15, 52.96219109410, -1.19747655922, 454002.834,  340834.943
      TP16, 53.34480280190, -2.64049320810, 357455.843,  383290.436
      TP17, 53.41628516040, -4.28918069756, 247958.971,  393492.909
      TP19, 53.77911025760, -3.04045490691, 331534.564,  431920.794
      TP20, 53.80021519630, -1.66379168242, 422242.186,  433818.701
      TP21, 54.08666318080, -4.63452168212, 227778.330,  468847.388
      TP22, 54.11685144290, -0.07773132850, 525745.670,  470703.214
      TP23, 54.32919541010, -4.38849118133, 244780.636,  495254.887
      TP24, 54.89542340420, -2.93827741149, 339921.145,  556034.761
      TP25, 54.97912273660, -1.61657685184, 424639.355,  565012.703
      TP26, 55.85399952950, -4.29649016251, 256340.925,  664697.269
      TP27, 55.92478265510, -3.29479219337, 319188.434,  670947.534
      TP28, 57.00606696050, -5.82836691850, 167634.202,  797067.144
      TP29, 57.13902518960, -2.04856030746, 397160.491,  805349.736
      TP30, 57.48625000720, -4.21926398555, 267056.768,  846176.972
      TP31, 57.81351838410, -8.57854456076,   9587.909,  899448.996
      TP32, 58.21262247180, -7.59255560556,  71713.132,  938516.404
      TP33, 58.51560361300, -6.26091455533, 151968.652,  966483.780
      TP34, 58.58120461280, -3.72631022121, 299721.891,  967202.992
      TP35, 59.03743871190, -3.21454001115, 330398.323, 1017347.016
      TP36, 59.09335035320, -4.41757674598, 261596.778, 1025447.602
      TP37, 59.09671617400, -5.82799339844, 180862.461, 1029604.114
      TP38, 59.53470794490, -1.62516966058, 421300.525, 1072147.239
      TP39, 59.85409913890, -1.27486910356, 440725.073, 1107878.448
      TP40, 60.13308091660, -2.07382822798, 395999.668, 1138728.951
      """)
  void projectsOsTestPointsWithinFiveMetres(String id, double lat, double lon, double easting, double northing) {
    GridPoint g = BritishNationalGrid.toGrid(lat, lon);
    assertThat(Math.hypot(g.easting() - easting, g.northing() - northing)).as(id).isLessThan(5.0);
    assertThat(BritishNationalGrid.inExtent(g.easting(), g.northing())).isTrue();

    LatLon back = BritishNationalGrid.toLatLon(easting, northing);
    double northM = (back.lat() - lat) * 111_320;
    double eastM = (back.lon() - lon) * 111_320 * Math.cos(Math.toRadians(lat));
    assertThat(Math.hypot(northM, eastM)).as(id + " inverse").isLessThan(5.0);
  }
}
