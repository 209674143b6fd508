import './base.css';
import '../pages/sidebar.css';
import '../features/customer-360/customer-360.css';
import '../features/content/content.css';
import '../features/orders/orders.css';
import { SidebarPage } from '../pages/SidebarPage';
import { mount } from './mount';

mount(<SidebarPage />);
